//! placeholder: uri (being written)
