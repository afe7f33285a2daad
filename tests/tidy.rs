//! Architecture invariants, enforced (rust-analyzer's tidy test): every source file opens with
//! a `//!` header, and the sans-IO layers (`wire/`, `serial/`, `ns/`) never touch I/O, the
//! clock, threads, mio or heed.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read_dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn sources() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("read");
            (p.strip_prefix(&root).unwrap().to_path_buf(), text)
        })
        .collect()
}

#[test]
fn every_file_opens_with_a_module_header() {
    let missing: Vec<_> = sources()
        .into_iter()
        .filter(|(_, text)| !text.trim_start().starts_with("//!"))
        .map(|(p, _)| p.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "files without a //! header: {missing:?}"
    );
}

#[test]
fn sans_io_layers_stay_sans_io() {
    const BANNED: &[&str] = &[
        "mio::",
        "heed",
        "std::fs",
        "TcpStream",
        "TcpListener",
        "UdpSocket",
        "Instant",
        "SystemTime",
        "std::thread",
        "std::process",
        "std::env",
        "File::",
    ];
    let mut violations = Vec::new();
    for (path, text) in sources() {
        let top = path
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .to_string();
        if !["wire", "serial", "ns"].contains(&top.as_str()) {
            continue;
        }
        // Tests may read the golden vector file.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            let line = line.split("//").next().unwrap_or("");
            for banned in BANNED {
                if line.contains(banned) {
                    violations.push(format!("{}:{}: {banned}", path.display(), n + 1));
                }
            }
        }
    }
    assert!(
        violations.is_empty(),
        "sans-IO violations:\n{}",
        violations.join("\n")
    );
}

#[test]
fn only_the_daemon_and_the_bench_use_mio() {
    // The server's event loop, and the load generator / echo server, which must drive many
    // connections from one thread to stay out of the way on a 2-core machine.
    let offenders: Vec<_> = sources()
        .into_iter()
        .filter(|(p, text)| {
            !p.starts_with("daemon") && p != Path::new("bench.rs") && text.contains("mio::")
        })
        .map(|(p, _)| p.display().to_string())
        .collect();
    assert!(
        offenders.is_empty(),
        "mio outside daemon/ and bench.rs: {offenders:?}"
    );
}

#[test]
fn no_stubs() {
    let stubs: Vec<_> = sources()
        .into_iter()
        .filter(|(_, t)| t.contains("todo!(") || t.contains("unimplemented!("))
        .map(|(p, _)| p.display().to_string())
        .collect();
    assert!(stubs.is_empty(), "todo!/unimplemented! in {stubs:?}");
}
