//! placeholder: registry (being written)
