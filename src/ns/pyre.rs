//! placeholder: pyre (being written)
