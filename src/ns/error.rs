//! Python exceptions as the name server raises them, and their wire form (wire reference 6.1).
//!
//! A [`PyErr`] names the exception class the Python client re-raises (`Pyro5.errors.X` or
//! `builtins.X`) and its message. Whether the connection closes afterwards is decided by the
//! session (reply-or-close matrix), through [`PyErr::close_after`].

use crate::serial::Value;
use std::borrow::Cow;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyErr {
    /// Full class name, e.g. `Pyro5.errors.NamingError` or `builtins.TypeError`.
    pub class: Cow<'static, str>,
    pub message: String,
    /// Python closes the connection after sending this error (SerializeError/SecurityError on
    /// class dicts in arguments).
    pub close_after: bool,
}

impl PyErr {
    pub fn new(class: &'static str, message: impl Into<String>) -> PyErr {
        PyErr {
            class: Cow::Borrowed(class),
            message: message.into(),
            close_after: false,
        }
    }

    pub fn naming(message: impl Into<String>) -> PyErr {
        PyErr::new("Pyro5.errors.NamingError", message)
    }
    pub fn pyro(message: impl Into<String>) -> PyErr {
        PyErr::new("Pyro5.errors.PyroError", message)
    }
    pub fn daemon(message: impl Into<String>) -> PyErr {
        PyErr::new("Pyro5.errors.DaemonError", message)
    }
    pub fn serialize(message: impl Into<String>) -> PyErr {
        PyErr::new("Pyro5.errors.SerializeError", message)
    }
    pub fn security(message: impl Into<String>) -> PyErr {
        PyErr::new("Pyro5.errors.SecurityError", message)
    }
    pub fn type_error(message: impl Into<String>) -> PyErr {
        PyErr::new("builtins.TypeError", message)
    }
    pub fn value_error(message: impl Into<String>) -> PyErr {
        PyErr::new("builtins.ValueError", message)
    }
    pub fn attribute_error(message: impl Into<String>) -> PyErr {
        PyErr::new("builtins.AttributeError", message)
    }

    /// Mark this error as one after which the server closes the connection.
    pub fn closing(mut self) -> PyErr {
        self.close_after = true;
        self
    }

    /// The short class name (`NamingError`), as Python prints it in tracebacks.
    pub fn short_class(&self) -> &str {
        self.class.rsplit('.').next().unwrap_or(&self.class)
    }

    /// The serialized exception dict: `__class__`, `__exception__`, `args`, `attributes` with a
    /// short synthetic `_pyroTraceback` (a list of str, as the client's traceback printer expects).
    pub fn to_value(&self) -> Value {
        let traceback = Value::List(vec![
            Value::str("Traceback (most recent call last):\n"),
            Value::str("  (labns name server)\n"),
            Value::Str(format!("{}: {}\n", self.short_class(), self.message)),
        ]);
        Value::dict([
            ("__class__", Value::Str(self.class.to_string())),
            ("__exception__", Value::Bool(true)),
            ("args", Value::Tuple(vec![Value::Str(self.message.clone())])),
            ("attributes", Value::dict([("_pyroTraceback", traceback)])),
        ])
    }

    /// The batch form: `{"__class__": "Pyro5.core._ExceptionWrapper", "exception": <dict>}`.
    pub fn to_wrapper_value(&self) -> Value {
        Value::dict([
            ("__class__", Value::str("Pyro5.core._ExceptionWrapper")),
            ("exception", self.to_value()),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exception_dict_has_the_keys_in_python_order() {
        let v = PyErr::naming("unknown name: x").to_value();
        let Value::Dict(pairs) = &v else {
            panic!("not a dict")
        };
        let keys: Vec<_> = pairs.iter().map(|(k, _)| k.as_str().unwrap()).collect();
        assert_eq!(keys, ["__class__", "__exception__", "args", "attributes"]);
        assert_eq!(
            v.get("__class__"),
            Some(&Value::str("Pyro5.errors.NamingError"))
        );
        assert_eq!(
            v.get("args"),
            Some(&Value::Tuple(vec![Value::str("unknown name: x")]))
        );
    }
}
