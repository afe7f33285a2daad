//! placeholder: nameserver (being written)
