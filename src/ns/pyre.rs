//! Python `re` compatibility for the name server's `list(regex=...)` and `remove(regex=...)`.
//!
//! This module owns everything about Python regular expressions in labns:
//!
//! * a port of CPython 3.11.7's `re._parser` (and the error checks of `re._compiler`), so that
//!   an invalid pattern yields the exact `str(re.error)` text Python would give
//!   (`missing ), unterminated subpattern at position 0`, ...);
//! * a small linear-time matcher (Thompson NFA simulation, no backtracking) that answers
//!   `re.match(pattern, name) is not None` with Python's semantics: Unicode `\d` `\w` `\s` `\b`
//!   (tables generated from CPython 3.11.7, Unicode 14.0.0), `$` matching before a final
//!   newline, sre's case-insensitive matching (`_sre.unicode_tolower` plus `re._casefix`),
//!   inline and scoped flags, look-ahead and fixed-width look-behind assertions;
//! * [`PyRegex::literal_prefix`], which lets the registry narrow candidates with a range scan.
//!
//! The crate's `regex-lite` cannot be used for this: it cannot express Python's `$` (end of
//! string or before a final newline), Unicode `\b`, or sre's case folding.
//!
//! Not reproduced (Python accepts these, labns answers an error whose text starts with
//! `unsupported in labns:`): backreferences (`\1`, `(?P=name)`), conditional groups
//! (`(?(1)a|b)`), atomic groups and possessive repeats (`(?>...)`, `a*+`), named character
//! escapes (`\N{EM DASH}`; also for unknown names, where Python says `undefined character
//! name`), patterns longer than [`MAX_PATTERN_CHARS`], groups nested [`MAX_NESTING`] deep, and
//! patterns whose repetitions expand beyond [`MAX_PROGRAM_SIZE`] matcher instructions
//! (`(?:a{1000}){1000}`). Python's non-`re.error` failures (`OverflowError` for
//! `a{4294967295}`, `ValueError` for `(?a)(?u)`, `RecursionError` for groups nested about 490
//! deep) are reported with Python's text and a distinct [`PyReErrorKind`].

use std::collections::HashMap;
use std::sync::OnceLock;

/// Longest accepted pattern, in characters (Python has no limit).
pub const MAX_PATTERN_CHARS: usize = 4096;
/// Largest matcher program (instructions after expanding counted repetitions).
pub const MAX_PROGRAM_SIZE: usize = 100_000;
/// Nesting limit of the parser: groups may be nested `MAX_NESTING - 1` deep. Python accepts
/// up to a little below 500 (then fails with `RecursionError`); labns' recursive parser and
/// compiler must stay well inside a 2 MiB thread stack, even in debug builds.
pub const MAX_NESTING: usize = 100;
/// Group nesting at which CPython 3.11's recursive parser fails with `RecursionError` when
/// called from the Pyro name server (495 from a bare script, a few less under Pyro's stack).
pub const PYTHON_MAX_NESTING: usize = 490;

/// What kind of failure [`PyRegex::compile_detailed`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PyReErrorKind {
    /// Python raises `re.error`; the name server answers `NamingError("invalid regex: " + text)`.
    ReError,
    /// Python raises `OverflowError` (`a{4294967295}`), which the name server does not catch.
    OverflowError,
    /// Python raises `ValueError` (`(?a)(?u)`), which the name server does not catch.
    ValueError,
    /// Python raises `RecursionError`: groups nested about 490 deep (the exact depth depends on
    /// Python's stack; labns uses [`PYTHON_MAX_NESTING`]).
    RecursionError,
    /// Python accepts the pattern but labns cannot run it (see the module documentation).
    Unsupported,
}

/// A pattern compile failure: the kind and the exact text (Python's `str(exception)`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyReError {
    pub kind: PyReErrorKind,
    pub message: String,
}

impl std::fmt::Display for PyReError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for PyReError {}

/// A compiled Python `re` pattern (`str` pattern, default flags), matched like `re.match`.
#[derive(Debug, Clone)]
pub struct PyRegex {
    prog: Program,
    prefix: Option<String>,
}

impl PyRegex {
    /// Compile a Python `re` pattern (str, default flags). `Err` is the exact text of Python's
    /// `re.error` (message + `" at position N"` as `str(err)` formats it), or an
    /// `unsupported in labns: ...` text for patterns labns cannot run.
    pub fn compile(pattern: &str) -> Result<PyRegex, String> {
        Self::compile_detailed(pattern).map_err(|e| e.message)
    }

    /// Like [`PyRegex::compile`], also telling which Python exception type the failure is.
    pub fn compile_detailed(pattern: &str) -> Result<PyRegex, PyReError> {
        let chars: Vec<char> = pattern.chars().collect();
        if chars.len() > MAX_PATTERN_CHARS {
            return Err(PyReError {
                kind: PyReErrorKind::Unsupported,
                message: format!(
                    "unsupported in labns: pattern too long (more than {MAX_PATTERN_CHARS} characters)"
                ),
            });
        }
        Self::build(&chars).map_err(|e| e.render(&chars))
    }

    fn build(chars: &[char]) -> PResult<PyRegex> {
        let (ast, st) = parse_pattern(chars)?;
        let flags = st.flags;
        compile_checks(&ast, flags, &st)?;
        if st.named_escape {
            return Err(PErr::unsupported(
                "\\N{...} named character escapes".to_string(),
            ));
        }
        let prog = Compiler::new(&st).build(&ast, flags)?;
        let mut prefix = String::new();
        lit_prefix(&ast, flags, &mut prefix);
        let prefix = if prefix.is_empty() {
            None
        } else {
            Some(prefix)
        };
        Ok(PyRegex { prog, prefix })
    }

    /// Python `re.match(pattern, s) is not None`.
    pub fn is_match_at_start(&self, s: &str) -> bool {
        let text: Vec<char> = s.chars().collect();
        let mut memo = HashMap::new();
        self.prog.run(0, self.prog.insts.len(), &text, 0, &mut memo)
    }

    /// The literal text every match must start with (e.g. `test.` for `test\.` or
    /// `test\..*`), when the pattern begins with plain literals; `None` otherwise.
    /// Conservative: every string the pattern matches starts with the returned prefix.
    pub fn literal_prefix(&self) -> Option<&str> {
        self.prefix.as_deref()
    }
}

// ------------------------------------------------------------------------------------------
// Errors
// ------------------------------------------------------------------------------------------

/// Internal error: Python's `error(msg, pattern, pos)` before formatting.
#[derive(Debug)]
struct PErr {
    kind: PyReErrorKind,
    msg: String,
    pos: Option<i64>,
}

type PResult<T> = Result<T, PErr>;

impl PErr {
    fn at(msg: impl Into<String>, pos: i64) -> PErr {
        PErr {
            kind: PyReErrorKind::ReError,
            msg: msg.into(),
            pos: Some(pos),
        }
    }

    fn plain(kind: PyReErrorKind, msg: impl Into<String>) -> PErr {
        PErr {
            kind,
            msg: msg.into(),
            pos: None,
        }
    }

    fn unsupported(what: String) -> PErr {
        PErr::plain(
            PyReErrorKind::Unsupported,
            format!("unsupported in labns: {what}"),
        )
    }

    /// `str(re.error(msg, pattern, pos))`.
    fn render(self, pattern: &[char]) -> PyReError {
        let mut message = self.msg;
        if let Some(pos) = self.pos {
            message = format!("{message} at position {pos}");
            if pattern.contains(&'\n') {
                let p = usize::try_from(pos.max(0)).unwrap_or(0).min(pattern.len());
                let before = &pattern[..p];
                let lineno = before.iter().filter(|&&c| c == '\n').count() + 1;
                let last_nl = before
                    .iter()
                    .rposition(|&c| c == '\n')
                    .map_or(-1, |i| i64::try_from(i).unwrap_or(0));
                message = format!("{message} (line {lineno}, column {})", pos - last_nl);
            }
        }
        PyReError {
            kind: self.kind,
            message,
        }
    }
}

// ------------------------------------------------------------------------------------------
// Parser: a port of CPython 3.11.7 Lib/re/_parser.py
// ------------------------------------------------------------------------------------------

const F_TEMPLATE: u32 = 1;
const F_IGNORECASE: u32 = 2;
const F_LOCALE: u32 = 4;
const F_MULTILINE: u32 = 8;
const F_DOTALL: u32 = 16;
const F_UNICODE: u32 = 32;
const F_VERBOSE: u32 = 64;
const F_DEBUG: u32 = 128;
const F_ASCII: u32 = 256;
const TYPE_FLAGS: u32 = F_ASCII | F_LOCALE | F_UNICODE;
const GLOBAL_FLAGS: u32 = F_DEBUG | F_TEMPLATE;

const MAXREPEAT: u64 = 4_294_967_295;
const MAXGROUPS: u64 = 1_073_741_823;
const MAXCODE: u128 = 4_294_967_295;
const MAXWIDTH: u128 = 1 << 64;
const MAX_CHAR: u32 = 0x10_FFFF;

fn flag_value(c: char) -> Option<u32> {
    Some(match c {
        'i' => F_IGNORECASE,
        'L' => F_LOCALE,
        'm' => F_MULTILINE,
        's' => F_DOTALL,
        'x' => F_VERBOSE,
        'a' => F_ASCII,
        't' => F_TEMPLATE,
        'u' => F_UNICODE,
        _ => return None,
    })
}

/// `_compiler._combine_flags`.
fn combine_flags(flags: u32, add: u32, del: u32) -> u32 {
    let flags = if add & TYPE_FLAGS != 0 {
        flags & !TYPE_FLAGS
    } else {
        flags
    };
    (flags | add) & !del
}

/// One tokenizer item: a character, or a backslash and the character after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tok {
    c: char,
    esc: bool,
}

impl Tok {
    fn len(self) -> usize {
        1 + usize::from(self.esc)
    }

    fn is(self, ch: char) -> bool {
        !self.esc && self.c == ch
    }

    fn text(self) -> String {
        let mut s = String::new();
        if self.esc {
            s.push('\\');
        }
        s.push(self.c);
        s
    }

    /// Python `token.isalpha()`.
    fn isalpha(self) -> bool {
        !self.esc && in_table(&tables().alpha, self.c as u32)
    }
}

fn tok_is(t: Option<Tok>, ch: char) -> bool {
    t.is_some_and(|t| t.is(ch))
}

fn tok_digit(t: Option<Tok>) -> bool {
    t.is_some_and(|t| !t.esc && t.c.is_ascii_digit())
}

fn tok_oct(t: Option<Tok>) -> bool {
    t.is_some_and(|t| !t.esc && ('0'..='7').contains(&t.c))
}

fn len_i(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// `_parser.Tokenizer` for a `str` pattern.
struct Source<'a> {
    s: &'a [char],
    index: usize,
    next: Option<Tok>,
}

impl<'a> Source<'a> {
    fn new(s: &'a [char]) -> PResult<Source<'a>> {
        let mut src = Source {
            s,
            index: 0,
            next: None,
        };
        src.advance()?;
        Ok(src)
    }

    fn advance(&mut self) -> PResult<()> {
        let mut index = self.index;
        let Some(&ch) = self.s.get(index) else {
            self.next = None;
            return Ok(());
        };
        let tok = if ch == '\\' {
            index += 1;
            match self.s.get(index) {
                Some(&c) => Tok { c, esc: true },
                None => {
                    return Err(PErr::at(
                        "bad escape (end of pattern)",
                        len_i(self.s.len()) - 1,
                    ));
                }
            }
        } else {
            Tok { c: ch, esc: false }
        };
        self.index = index + 1;
        self.next = Some(tok);
        Ok(())
    }

    fn matches(&mut self, ch: char) -> PResult<bool> {
        if tok_is(self.next, ch) {
            self.advance()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    fn get(&mut self) -> PResult<Option<Tok>> {
        let this = self.next;
        self.advance()?;
        Ok(this)
    }

    fn getwhile(&mut self, n: usize, pred: fn(char) -> bool) -> PResult<String> {
        let mut result = String::new();
        for _ in 0..n {
            match self.next {
                Some(t) if !t.esc && pred(t.c) => {
                    result.push(t.c);
                    self.advance()?;
                }
                _ => break,
            }
        }
        Ok(result)
    }

    fn getuntil(&mut self, terminator: char, name: &str) -> PResult<String> {
        let mut result = String::new();
        let mut result_len = 0usize;
        loop {
            let c = self.next;
            self.advance()?;
            let Some(c) = c else {
                if result.is_empty() {
                    return Err(self.error(format!("missing {name}"), 0));
                }
                return Err(self.error(
                    format!("missing {terminator}, unterminated name"),
                    result_len,
                ));
            };
            if c.is(terminator) {
                if result.is_empty() {
                    return Err(self.error(format!("missing {name}"), 1));
                }
                break;
            }
            result.push_str(&c.text());
            result_len += c.len();
        }
        Ok(result)
    }

    fn tell(&self) -> usize {
        self.index - self.next.map_or(0, Tok::len)
    }

    fn seek(&mut self, index: usize) -> PResult<()> {
        self.index = index;
        self.advance()
    }

    fn error(&self, msg: impl Into<String>, offset: usize) -> PErr {
        PErr::at(msg, len_i(self.tell()) - len_i(offset))
    }

    fn checkgroupname(&self, name: &str, offset: usize) -> PResult<()> {
        if !is_identifier(name) {
            return Err(self.error(
                format!("bad character in group name {}", py_repr(name)),
                name.chars().count() + offset,
            ));
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cat {
    Digit,
    NotDigit,
    Space,
    NotSpace,
    Word,
    NotWord,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum SetItem {
    Negate,
    Literal(u32),
    Range(u32, u32),
    Category(Cat),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AtCode {
    Beginning,
    BeginningString,
    Boundary,
    NonBoundary,
    End,
    EndString,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RepKind {
    Max,
    Min,
    Possessive,
}

/// `(opcode, argument)` items of a parsed `SubPattern`.
#[derive(Debug)]
enum Node {
    Literal(u32),
    NotLiteral(u32),
    Any,
    In(Vec<SetItem>),
    At(AtCode),
    Branch(Vec<Vec<Node>>),
    Repeat {
        kind: RepKind,
        min: u64,
        max: u64,
        item: Vec<Node>,
    },
    Subpattern {
        group: Option<usize>,
        add: u32,
        del: u32,
        p: Vec<Node>,
    },
    Atomic(Vec<Node>),
    Assert {
        behind: bool,
        neg: bool,
        p: Vec<Node>,
    },
    GroupRef(usize),
    GroupRefExists {
        yes: Vec<Node>,
        no: Option<Vec<Node>>,
    },
}

/// Python `==` between two sibling items (`SubPattern` arguments compare by identity, so
/// only items without a nested subpattern can be equal).
fn prefix_eq(a: &Node, b: &Node) -> bool {
    match (a, b) {
        (Node::Literal(x), Node::Literal(y)) | (Node::NotLiteral(x), Node::NotLiteral(y)) => x == y,
        (Node::Any, Node::Any) => true,
        (Node::In(x), Node::In(y)) => x == y,
        (Node::At(x), Node::At(y)) => x == y,
        (Node::GroupRef(x), Node::GroupRef(y)) => x == y,
        _ => false,
    }
}

type Width = (u128, u128);

/// `_parser.State`.
struct State {
    flags: u32,
    groupdict: HashMap<String, usize>,
    groupwidths: Vec<Option<Width>>,
    lookbehindgroups: Option<usize>,
    grouprefpos: Vec<(u64, i64)>,
    depth: usize,
    named_escape: bool,
}

impl State {
    fn groups(&self) -> usize {
        self.groupwidths.len()
    }

    fn opengroup(&mut self, name: Option<&str>) -> Result<usize, String> {
        let gid = self.groups();
        self.groupwidths.push(None);
        if let Some(name) = name {
            if let Some(&ogid) = self.groupdict.get(name) {
                return Err(format!(
                    "redefinition of group name {} as group {gid}; was group {ogid}",
                    py_repr(name)
                ));
            }
            self.groupdict.insert(name.to_string(), gid);
        }
        Ok(gid)
    }

    fn closegroup(&mut self, gid: usize, p: &[Node]) {
        let w = width(p, self);
        if let Some(slot) = self.groupwidths.get_mut(gid) {
            *slot = Some(w);
        }
    }

    fn checkgroup(&self, gid: u64) -> bool {
        usize::try_from(gid)
            .ok()
            .and_then(|g| self.groupwidths.get(g))
            .is_some_and(Option::is_some)
    }

    fn checklookbehindgroup(&self, gid: u64, src: &Source) -> PResult<()> {
        if let Some(lbg) = self.lookbehindgroups {
            if !self.checkgroup(gid) {
                return Err(src.error("cannot refer to an open group", 0));
            }
            if gid >= lbg as u64 {
                return Err(src.error(
                    "cannot refer to group defined in the same lookbehind subpattern",
                    0,
                ));
            }
        }
        Ok(())
    }
}

/// `SubPattern.getwidth()`.
fn width(nodes: &[Node], st: &State) -> Width {
    let (mut lo, mut hi) = (0u128, 0u128);
    for node in nodes {
        let (i, j) = match node {
            Node::Branch(items) => {
                let mut i = MAXWIDTH;
                let mut j = 0;
                for item in items {
                    let (l, h) = width(item, st);
                    i = i.min(l);
                    j = j.max(h);
                }
                (i, j)
            }
            Node::Atomic(p) | Node::Subpattern { p, .. } => width(p, st),
            Node::Repeat { min, max, item, .. } => {
                let (i, j) = width(item, st);
                lo = lo.saturating_add(i.saturating_mul(u128::from(*min)));
                if *max == MAXREPEAT && j != 0 {
                    hi = MAXWIDTH;
                } else {
                    hi = hi.saturating_add(j.saturating_mul(u128::from(*max)));
                }
                (0, 0)
            }
            Node::Literal(_) | Node::NotLiteral(_) | Node::Any | Node::In(_) => (1, 1),
            Node::GroupRef(g) => st.groupwidths.get(*g).copied().flatten().unwrap_or((0, 0)),
            Node::GroupRefExists { yes, no } => {
                let (mut i, mut j) = width(yes, st);
                if let Some(no) = no {
                    let (l, h) = width(no, st);
                    i = i.min(l);
                    j = j.max(h);
                } else {
                    i = 0;
                }
                (i, j)
            }
            Node::At(_) | Node::Assert { .. } => (0, 0),
        };
        lo = lo.saturating_add(i);
        hi = hi.saturating_add(j);
    }
    (lo.min(MAXWIDTH), hi.min(MAXWIDTH))
}

/// `_parser.parse(str)` followed by `fix_flags`.
fn parse_pattern(chars: &[char]) -> PResult<(Vec<Node>, State)> {
    let mut src = Source::new(chars)?;
    let mut st = State {
        flags: 0,
        groupdict: HashMap::new(),
        groupwidths: vec![None],
        lookbehindgroups: None,
        grouprefpos: Vec::new(),
        depth: 0,
        named_escape: false,
    };
    let p = parse_sub(&mut src, &mut st, false, 0)?;
    // fix_flags() for a str pattern ('L' was already rejected by the parser).
    if st.flags & F_ASCII == 0 {
        st.flags |= F_UNICODE;
    } else if st.flags & F_UNICODE != 0 {
        return Err(PErr::plain(
            PyReErrorKind::ValueError,
            "ASCII and UNICODE flags are incompatible",
        ));
    }
    if src.next.is_some() {
        return Err(src.error("unbalanced parenthesis", 0));
    }
    for &(g, pos) in &st.grouprefpos {
        if g >= st.groups() as u64 {
            return Err(PErr::at(format!("invalid group reference {g}"), pos));
        }
    }
    Ok((p, st))
}

fn uniq(items: Vec<SetItem>) -> Vec<SetItem> {
    let mut out: Vec<SetItem> = Vec::with_capacity(items.len());
    for it in items {
        if !out.contains(&it) {
            out.push(it);
        }
    }
    out
}

/// `_parse_sub`: an alternation `a|b|c`.
fn parse_sub(src: &mut Source, st: &mut State, verbose: bool, nested: usize) -> PResult<Vec<Node>> {
    let mut verbose = verbose;
    let mut items: Vec<Vec<Node>> = Vec::new();
    loop {
        let first = nested == 0 && items.is_empty();
        items.push(parse(src, st, verbose, nested + 1, first)?);
        if !src.matches('|')? {
            break;
        }
        if nested == 0 {
            verbose = st.flags & F_VERBOSE != 0;
        }
    }
    if items.len() == 1 {
        return Ok(items.pop().unwrap_or_default());
    }
    let mut subpattern = Vec::new();
    // Move a prefix shared by all alternatives out of the branch.
    loop {
        let all_share = items.iter().all(|item| !item.is_empty())
            && items
                .iter()
                .skip(1)
                .all(|item| prefix_eq(&item[0], &items[0][0]));
        if !all_share {
            break;
        }
        let mut prefix = None;
        for item in &mut items {
            let n = item.remove(0);
            if prefix.is_none() {
                prefix = Some(n);
            }
        }
        subpattern.extend(prefix);
    }
    // Can the branch be a character set?
    let mut set = Vec::new();
    let mut is_set = true;
    for item in &items {
        if item.len() != 1 {
            is_set = false;
            break;
        }
        match &item[0] {
            Node::Literal(c) => set.push(SetItem::Literal(*c)),
            Node::In(av) if av.first() != Some(&SetItem::Negate) => set.extend(av.iter().cloned()),
            _ => {
                is_set = false;
                break;
            }
        }
    }
    if is_set {
        subpattern.push(Node::In(uniq(set)));
    } else {
        subpattern.push(Node::Branch(items));
    }
    Ok(subpattern)
}

fn is_hex(c: char) -> bool {
    c.is_ascii_hexdigit()
}

fn is_oct(c: char) -> bool {
    ('0'..='7').contains(&c)
}

fn radix_value(digits: &str, radix: u32) -> u32 {
    digits.chars().fold(0u32, |acc, d| {
        acc.saturating_mul(radix)
            .saturating_add(d.to_digit(radix).unwrap_or(0))
    })
}

/// The `\x`, `\u`, `\U` and `\N` escapes, shared by `_escape` and `_class_escape`.
fn unicode_escape(src: &mut Source, st: &mut State, c: char) -> PResult<Option<u32>> {
    let (n, name) = match c {
        'x' => (2, "x"),
        'u' => (4, "u"),
        'U' => (8, "U"),
        'N' => {
            if !src.matches('{')? {
                return Err(src.error("missing {", 0));
            }
            src.getuntil('}', "character name")?;
            // unicodedata.lookup() is not available: placeholder, rejected after parsing.
            st.named_escape = true;
            return Ok(Some(0));
        }
        _ => return Ok(None),
    };
    let digits = src.getwhile(n, is_hex)?;
    if digits.len() != n {
        return Err(src.error(
            format!("incomplete escape \\{name}{digits}"),
            2 + digits.len(),
        ));
    }
    let value = radix_value(&digits, 16);
    if value > MAX_CHAR {
        // chr() raises ValueError, reported as a bad escape.
        return Err(src.error(format!("bad escape \\{name}{digits}"), 2 + digits.len()));
    }
    Ok(Some(value))
}

fn simple_escape(c: char) -> Option<u32> {
    Some(match c {
        'a' => 7,
        'b' => 8,
        'f' => 12,
        'n' => 10,
        'r' => 13,
        't' => 9,
        'v' => 11,
        '\\' => 92,
        _ => return None,
    })
}

fn category_escape(c: char) -> Option<Cat> {
    Some(match c {
        'd' => Cat::Digit,
        'D' => Cat::NotDigit,
        's' => Cat::Space,
        'S' => Cat::NotSpace,
        'w' => Cat::Word,
        'W' => Cat::NotWord,
        _ => return None,
    })
}

/// `_class_escape` result.
#[derive(Debug, Clone, Copy)]
enum ClassCode {
    Lit(u32),
    Cat(Cat),
}

impl ClassCode {
    fn item(self) -> SetItem {
        match self {
            ClassCode::Lit(c) => SetItem::Literal(c),
            ClassCode::Cat(c) => SetItem::Category(c),
        }
    }
}

/// `_class_escape`: an escape inside `[...]`.
fn class_escape(src: &mut Source, st: &mut State, tok: Tok) -> PResult<ClassCode> {
    let c = tok.c;
    if let Some(v) = simple_escape(c) {
        return Ok(ClassCode::Lit(v));
    }
    if let Some(cat) = category_escape(c) {
        return Ok(ClassCode::Cat(cat));
    }
    if let Some(v) = unicode_escape(src, st, c)? {
        return Ok(ClassCode::Lit(v));
    }
    if is_oct(c) {
        let mut esc = String::from(c);
        esc.push_str(&src.getwhile(2, is_oct)?);
        let v = radix_value(&esc, 8);
        if v > 0o377 {
            return Err(src.error(
                format!("octal escape value \\{esc} outside of range 0-0o377"),
                1 + esc.len(),
            ));
        }
        return Ok(ClassCode::Lit(v));
    }
    if c.is_ascii_alphanumeric() {
        // ASCII letters are reserved; \8 and \9 are not octal.
        return Err(src.error(format!("bad escape \\{c}"), 2));
    }
    Ok(ClassCode::Lit(c as u32))
}

/// `_escape`: an escape outside `[...]`.
fn escape(src: &mut Source, st: &mut State, tok: Tok) -> PResult<Node> {
    let c = tok.c;
    match c {
        'A' => return Ok(Node::At(AtCode::BeginningString)),
        'b' => return Ok(Node::At(AtCode::Boundary)),
        'B' => return Ok(Node::At(AtCode::NonBoundary)),
        'Z' => return Ok(Node::At(AtCode::EndString)),
        _ => {}
    }
    if let Some(cat) = category_escape(c) {
        return Ok(Node::In(vec![SetItem::Category(cat)]));
    }
    if let Some(v) = simple_escape(c) {
        return Ok(Node::Literal(v));
    }
    if let Some(v) = unicode_escape(src, st, c)? {
        return Ok(Node::Literal(v));
    }
    if c == '0' {
        let digits = src.getwhile(2, is_oct)?;
        return Ok(Node::Literal(radix_value(&digits, 8)));
    }
    if c.is_ascii_digit() {
        // octal escape *or* decimal group reference
        let mut esc = String::from(c);
        if tok_digit(src.next) {
            if let Some(t) = src.get()? {
                esc.push(t.c);
            }
            if is_oct(c) && esc.chars().nth(1).is_some_and(is_oct) && tok_oct(src.next) {
                if let Some(t) = src.get()? {
                    esc.push(t.c);
                }
                let v = radix_value(&esc, 8);
                if v > 0o377 {
                    return Err(src.error(
                        format!("octal escape value \\{esc} outside of range 0-0o377"),
                        1 + esc.len(),
                    ));
                }
                return Ok(Node::Literal(v));
            }
        }
        let group = u64::from(radix_value(&esc, 10));
        if group < st.groups() as u64 {
            if !st.checkgroup(group) {
                return Err(src.error("cannot refer to an open group", 1 + esc.len()));
            }
            st.checklookbehindgroup(group, src)?;
            return Ok(Node::GroupRef(usize::try_from(group).unwrap_or(0)));
        }
        return Err(src.error(format!("invalid group reference {group}"), esc.len()));
    }
    if c.is_ascii_alphabetic() {
        return Err(src.error(format!("bad escape \\{c}"), 2));
    }
    Ok(Node::Literal(c as u32))
}

/// Python `int(s)` for a conditional group name that is not an identifier:
/// `Some((negative, decimal digits without leading zeros, saturated value))`.
fn py_int(s: &str) -> Option<(bool, String, u64)> {
    let t = tables();
    let mapped: Vec<char> = s
        .chars()
        .map(|c| {
            if in_table(&t.space, c as u32) {
                ' '
            } else if let Some(d) = decimal_value(c) {
                char::from(b'0' + d)
            } else if c.is_ascii() {
                c
            } else {
                '?'
            }
        })
        .collect();
    let text: String = mapped.into_iter().collect();
    let text = text.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c'));
    let (neg, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let bytes = body.as_bytes();
    if bytes.is_empty() || !bytes[0].is_ascii_digit() || !bytes[bytes.len() - 1].is_ascii_digit() {
        return None;
    }
    let mut digits = String::new();
    let mut prev_underscore = false;
    for &b in bytes {
        if b == b'_' {
            if prev_underscore {
                return None;
            }
            prev_underscore = true;
        } else if b.is_ascii_digit() {
            prev_underscore = false;
            digits.push(char::from(b));
        } else {
            return None;
        }
    }
    let digits = digits.trim_start_matches('0').to_string();
    let digits = if digits.is_empty() {
        "0".to_string()
    } else {
        digits
    };
    let value = digits.bytes().fold(0u64, |acc, d| {
        acc.saturating_mul(10).saturating_add(u64::from(d - b'0'))
    });
    Some((neg && value != 0, digits, value))
}

/// Rough group nesting depth of a pattern (escapes, sets and `(?#...)` comments skipped), only
/// used to tell Python's `RecursionError` from labns' own nesting limit.
fn python_nesting(chars: &[char]) -> usize {
    let (mut depth, mut max, mut i) = (0usize, 0usize, 0usize);
    while let Some(&c) = chars.get(i) {
        match c {
            '\\' => i += 1,
            '[' => {
                i += 1;
                if chars.get(i) == Some(&'^') {
                    i += 1;
                }
                if chars.get(i) == Some(&']') {
                    i += 1;
                }
                while let Some(&c) = chars.get(i) {
                    match c {
                        '\\' => i += 1,
                        ']' => break,
                        _ => {}
                    }
                    i += 1;
                }
            }
            '(' if chars.get(i + 1..i + 3) == Some(&['?', '#'][..]) => {
                while chars.get(i).is_some_and(|&c| c != ')') {
                    i += 1;
                }
            }
            '(' => {
                depth += 1;
                max = max.max(depth);
            }
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    max
}

/// `_parse`: a sequence of items (up to `|` or `)`).
fn parse(
    src: &mut Source,
    st: &mut State,
    verbose: bool,
    nested: usize,
    first: bool,
) -> PResult<Vec<Node>> {
    st.depth += 1;
    if st.depth > MAX_NESTING {
        if python_nesting(src.s) > PYTHON_MAX_NESTING {
            return Err(PErr::plain(
                PyReErrorKind::RecursionError,
                "maximum recursion depth exceeded while calling a Python object",
            ));
        }
        return Err(PErr::unsupported(format!(
            "groups nested more than {} deep",
            MAX_NESTING - 1
        )));
    }
    let r = parse_items(src, st, verbose, nested, first);
    st.depth -= 1;
    r
}

fn parse_items(
    src: &mut Source,
    st: &mut State,
    verbose: bool,
    nested: usize,
    first: bool,
) -> PResult<Vec<Node>> {
    let mut verbose = verbose;
    let mut sp: Vec<Node> = Vec::new();
    while let Some(this) = src.next {
        if this.is('|') || this.is(')') {
            break;
        }
        src.advance()?;
        if verbose {
            if !this.esc && matches!(this.c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c') {
                continue;
            }
            if this.is('#') {
                loop {
                    match src.get()? {
                        None => break,
                        Some(t) if t.is('\n') => break,
                        Some(_) => {}
                    }
                }
                continue;
            }
        }
        if this.esc {
            let code = escape(src, st, this)?;
            sp.push(code);
            continue;
        }
        match this.c {
            '[' => sp.push(parse_class(src, st)?),
            '*' | '+' | '?' | '{' => parse_repeat(src, &mut sp, this)?,
            '.' => sp.push(Node::Any),
            '(' => {
                if let Some(node) =
                    parse_group(src, st, &mut verbose, nested, first, sp.is_empty())?
                {
                    sp.push(node);
                }
            }
            '^' => sp.push(Node::At(AtCode::Beginning)),
            '$' => sp.push(Node::At(AtCode::End)),
            c => sp.push(Node::Literal(c as u32)),
        }
    }
    // unpack non-capturing groups
    let mut i = sp.len();
    while i > 0 {
        i -= 1;
        if matches!(
            &sp[i],
            Node::Subpattern {
                group: None,
                add: 0,
                del: 0,
                ..
            }
        ) {
            if let Node::Subpattern { p, .. } = sp.remove(i) {
                let tail = sp.split_off(i);
                sp.extend(p);
                sp.extend(tail);
            }
        }
    }
    Ok(sp)
}

/// `[...]` (the `[` is consumed).
fn parse_class(src: &mut Source, st: &mut State) -> PResult<Node> {
    let here = src.tell() - 1;
    let mut set: Vec<SetItem> = Vec::new();
    let negate = src.matches('^')?;
    loop {
        let Some(this) = src.get()? else {
            return Err(src.error("unterminated character set", src.tell() - here));
        };
        if this.is(']') && !set.is_empty() {
            break;
        }
        let code1 = if this.esc {
            class_escape(src, st, this)?
        } else {
            ClassCode::Lit(this.c as u32)
        };
        if src.matches('-')? {
            let Some(that) = src.get()? else {
                return Err(src.error("unterminated character set", src.tell() - here));
            };
            if that.is(']') {
                set.push(code1.item());
                set.push(SetItem::Literal('-' as u32));
                break;
            }
            let code2 = if that.esc {
                class_escape(src, st, that)?
            } else {
                ClassCode::Lit(that.c as u32)
            };
            let bad = || {
                src.error(
                    format!("bad character range {}-{}", this.text(), that.text()),
                    this.len() + 1 + that.len(),
                )
            };
            match (code1, code2) {
                (ClassCode::Lit(lo), ClassCode::Lit(hi)) => {
                    if hi < lo {
                        return Err(bad());
                    }
                    set.push(SetItem::Range(lo, hi));
                }
                _ => return Err(bad()),
            }
        } else {
            set.push(code1.item());
        }
    }
    let mut set = uniq(set);
    if let [SetItem::Literal(c)] = set[..] {
        return Ok(if negate {
            Node::NotLiteral(c)
        } else {
            Node::Literal(c)
        });
    }
    if negate {
        set.insert(0, SetItem::Negate);
    }
    Ok(Node::In(set))
}

fn dec_value(digits: &str) -> u64 {
    digits.bytes().fold(0u64, |acc, d| {
        acc.saturating_mul(10).saturating_add(u64::from(d - b'0'))
    })
}

/// A repeat (`this` is consumed), or a literal `{` when it does not start a valid repeat.
fn parse_repeat(src: &mut Source, sp: &mut Vec<Node>, this: Tok) -> PResult<()> {
    let here = src.tell();
    let (min, max) = match this.c {
        '?' => (0, 1),
        '*' => (0, MAXREPEAT),
        '+' => (1, MAXREPEAT),
        _ => {
            if tok_is(src.next, '}') {
                sp.push(Node::Literal('{' as u32));
                return Ok(());
            }
            let (mut min, mut max) = (0, MAXREPEAT);
            let mut lo = String::new();
            let mut hi = String::new();
            while tok_digit(src.next) {
                if let Some(t) = src.get()? {
                    lo.push(t.c);
                }
            }
            if src.matches(',')? {
                while tok_digit(src.next) {
                    if let Some(t) = src.get()? {
                        hi.push(t.c);
                    }
                }
            } else {
                hi.clone_from(&lo);
            }
            if !src.matches('}')? {
                sp.push(Node::Literal('{' as u32));
                src.seek(here)?;
                return Ok(());
            }
            let too_large = || {
                PErr::plain(
                    PyReErrorKind::OverflowError,
                    "the repetition number is too large",
                )
            };
            if !lo.is_empty() {
                min = dec_value(&lo);
                if min >= MAXREPEAT {
                    return Err(too_large());
                }
            }
            if !hi.is_empty() {
                max = dec_value(&hi);
                if max >= MAXREPEAT {
                    return Err(too_large());
                }
                if max < min {
                    return Err(src.error("min repeat greater than max repeat", src.tell() - here));
                }
            }
            (min, max)
        }
    };
    let offset = src.tell() - here + this.len();
    match sp.last() {
        None | Some(Node::At(_)) => return Err(src.error("nothing to repeat", offset)),
        Some(Node::Repeat { .. }) => return Err(src.error("multiple repeat", offset)),
        Some(_) => {}
    }
    let item = match sp.pop() {
        Some(Node::Subpattern {
            group: None,
            add: 0,
            del: 0,
            p,
        }) => p,
        Some(other) => vec![other],
        None => Vec::new(),
    };
    let kind = if src.matches('?')? {
        RepKind::Min
    } else if src.matches('+')? {
        RepKind::Possessive
    } else {
        RepKind::Max
    };
    sp.push(Node::Repeat {
        kind,
        min,
        max,
        item,
    });
    Ok(())
}

/// `(...)` (the `(` is consumed). `None` when nothing is appended (comment, global flags).
fn parse_group(
    src: &mut Source,
    st: &mut State,
    verbose: &mut bool,
    nested: usize,
    first: bool,
    sp_empty: bool,
) -> PResult<Option<Node>> {
    let start = src.tell() - 1;
    let mut capture = true;
    let mut atomic = false;
    let mut name: Option<String> = None;
    let mut add_flags = 0;
    let mut del_flags = 0;
    let unterminated =
        |src: &Source| src.error("missing ), unterminated subpattern", src.tell() - start);
    if src.matches('?')? {
        let Some(ch) = src.get()? else {
            return Err(src.error("unexpected end of pattern", 0));
        };
        if ch.is('P') {
            if src.matches('<')? {
                let n = src.getuntil('>', "group name")?;
                src.checkgroupname(&n, 1)?;
                name = Some(n);
            } else if src.matches('=')? {
                let n = src.getuntil(')', "group name")?;
                src.checkgroupname(&n, 1)?;
                let nlen = n.chars().count();
                let Some(&gid) = st.groupdict.get(&n) else {
                    return Err(src.error(format!("unknown group name {}", py_repr(&n)), nlen + 1));
                };
                if !st.checkgroup(gid as u64) {
                    return Err(src.error("cannot refer to an open group", nlen + 1));
                }
                st.checklookbehindgroup(gid as u64, src)?;
                return Ok(Some(Node::GroupRef(gid)));
            } else {
                let Some(c) = src.get()? else {
                    return Err(src.error("unexpected end of pattern", 0));
                };
                return Err(src.error(format!("unknown extension ?P{}", c.text()), c.len() + 2));
            }
        } else if ch.is(':') {
            capture = false;
        } else if ch.is('#') {
            loop {
                if src.next.is_none() {
                    return Err(src.error("missing ), unterminated comment", src.tell() - start));
                }
                if tok_is(src.get()?, ')') {
                    break;
                }
            }
            return Ok(None);
        } else if ch.is('=') || ch.is('!') || ch.is('<') {
            let mut kind = ch;
            let mut behind = false;
            let mut outer_lbg = None;
            if ch.is('<') {
                let Some(c2) = src.get()? else {
                    return Err(src.error("unexpected end of pattern", 0));
                };
                if !(c2.is('=') || c2.is('!')) {
                    return Err(
                        src.error(format!("unknown extension ?<{}", c2.text()), c2.len() + 2)
                    );
                }
                kind = c2;
                behind = true;
                outer_lbg = Some(st.lookbehindgroups);
                if st.lookbehindgroups.is_none() {
                    st.lookbehindgroups = Some(st.groups());
                }
            }
            let p = parse_sub(src, st, *verbose, nested + 1)?;
            if let Some(None) = outer_lbg {
                st.lookbehindgroups = None;
            }
            if !src.matches(')')? {
                return Err(unterminated(src));
            }
            return Ok(Some(Node::Assert {
                behind,
                neg: kind.is('!'),
                p,
            }));
        } else if ch.is('(') {
            return parse_conditional(src, st, *verbose, nested, start).map(Some);
        } else if ch.is('>') {
            capture = false;
            atomic = true;
        } else if (!ch.esc && flag_value(ch.c).is_some()) || ch.is('-') {
            match parse_flags(src, st, ch)? {
                None => {
                    if !first || !sp_empty {
                        return Err(src.error(
                            "global flags not at the start of the expression",
                            src.tell() - start,
                        ));
                    }
                    *verbose = st.flags & F_VERBOSE != 0;
                    return Ok(None);
                }
                Some((a, d)) => {
                    add_flags = a;
                    del_flags = d;
                    capture = false;
                }
            }
        } else {
            return Err(src.error(format!("unknown extension ?{}", ch.text()), ch.len() + 1));
        }
    }
    let group = if capture {
        let name_len = name.as_deref().map_or(0, |n| n.chars().count());
        match st.opengroup(name.as_deref()) {
            Ok(g) => Some(g),
            Err(msg) => return Err(src.error(msg, name_len + 1)),
        }
    } else {
        None
    };
    let sub_verbose = (*verbose || add_flags & F_VERBOSE != 0) && del_flags & F_VERBOSE == 0;
    let p = parse_sub(src, st, sub_verbose, nested + 1)?;
    if !src.matches(')')? {
        return Err(unterminated(src));
    }
    if let Some(g) = group {
        st.closegroup(g, &p);
    }
    Ok(Some(if atomic {
        Node::Atomic(p)
    } else {
        Node::Subpattern {
            group,
            add: add_flags,
            del: del_flags,
            p,
        }
    }))
}

/// `(?(id/name)yes|no)` (the `(?(` is consumed).
fn parse_conditional(
    src: &mut Source,
    st: &mut State,
    verbose: bool,
    nested: usize,
    start: usize,
) -> PResult<Node> {
    let condname = src.getuntil(')', "group name")?;
    let clen = condname.chars().count();
    let condgroup: u64;
    if is_identifier(&condname) {
        match st.groupdict.get(&condname) {
            Some(&g) => condgroup = g as u64,
            None => {
                return Err(src.error(
                    format!("unknown group name {}", py_repr(&condname)),
                    clen + 1,
                ));
            }
        }
    } else {
        let bad = || {
            src.error(
                format!("bad character in group name {}", py_repr(&condname)),
                clen + 1,
            )
        };
        let Some((neg, digits, value)) = py_int(&condname) else {
            return Err(bad());
        };
        if neg {
            return Err(bad());
        }
        if value == 0 {
            return Err(src.error("bad group number", clen + 1));
        }
        if value >= MAXGROUPS {
            return Err(src.error(format!("invalid group reference {digits}"), clen + 1));
        }
        condgroup = value;
        if !st.grouprefpos.iter().any(|&(g, _)| g == value) {
            let pos = len_i(src.tell()) - len_i(clen) - 1;
            st.grouprefpos.push((value, pos));
        }
    }
    st.checklookbehindgroup(condgroup, src)?;
    let yes = parse(src, st, verbose, nested + 1, false)?;
    let no = if src.matches('|')? {
        let no = parse(src, st, verbose, nested + 1, false)?;
        if tok_is(src.next, '|') {
            return Err(src.error("conditional backref with more than two branches", 0));
        }
        Some(no)
    } else {
        None
    };
    if !src.matches(')')? {
        return Err(src.error("missing ), unterminated subpattern", src.tell() - start));
    }
    Ok(Node::GroupRefExists { yes, no })
}

/// `_parse_flags`: `None` for global flags `(?i)`, else `(add, del)` for `(?i-s:...)`.
fn parse_flags(src: &mut Source, st: &mut State, first: Tok) -> PResult<Option<(u32, u32)>> {
    let mut add = 0u32;
    let mut del = 0u32;
    let mut ch = first;
    if !first.is('-') {
        loop {
            let flag = flag_value(ch.c).unwrap_or(0);
            if ch.c == 'L' {
                return Err(src.error(
                    "bad inline flags: cannot use 'L' flag with a str pattern",
                    0,
                ));
            }
            add |= flag;
            if flag & TYPE_FLAGS != 0 && add & TYPE_FLAGS != flag {
                return Err(src.error(
                    "bad inline flags: flags 'a', 'u' and 'L' are incompatible",
                    0,
                ));
            }
            let Some(next) = src.get()? else {
                return Err(src.error("missing -, : or )", 0));
            };
            ch = next;
            if ch.is(')') || ch.is('-') || ch.is(':') {
                break;
            }
            if ch.esc || flag_value(ch.c).is_none() {
                let msg = if ch.isalpha() {
                    "unknown flag"
                } else {
                    "missing -, : or )"
                };
                return Err(src.error(msg, ch.len()));
            }
        }
    }
    if ch.is(')') {
        st.flags |= add;
        return Ok(None);
    }
    if add & GLOBAL_FLAGS != 0 {
        return Err(src.error("bad inline flags: cannot turn on global flag", 1));
    }
    if ch.is('-') {
        let Some(next) = src.get()? else {
            return Err(src.error("missing flag", 0));
        };
        ch = next;
        if ch.esc || flag_value(ch.c).is_none() {
            let msg = if ch.isalpha() {
                "unknown flag"
            } else {
                "missing flag"
            };
            return Err(src.error(msg, ch.len()));
        }
        loop {
            let flag = flag_value(ch.c).unwrap_or(0);
            if flag & TYPE_FLAGS != 0 {
                return Err(src.error(
                    "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                    0,
                ));
            }
            del |= flag;
            let Some(next) = src.get()? else {
                return Err(src.error("missing :", 0));
            };
            ch = next;
            if ch.is(':') {
                break;
            }
            if ch.esc || flag_value(ch.c).is_none() {
                let msg = if ch.isalpha() {
                    "unknown flag"
                } else {
                    "missing :"
                };
                return Err(src.error(msg, ch.len()));
            }
        }
    }
    if del & GLOBAL_FLAGS != 0 {
        return Err(src.error("bad inline flags: cannot turn off global flag", 1));
    }
    if add & del != 0 {
        return Err(src.error("bad inline flags: flag turned on and off", 1));
    }
    Ok(Some((add, del)))
}

/// The checks `re._compiler._compile` makes, in its traversal order.
fn compile_checks(nodes: &[Node], flags: u32, st: &State) -> PResult<()> {
    for node in nodes {
        match node {
            Node::Repeat { kind, item, .. } => {
                if flags & F_TEMPLATE != 0 {
                    let op = match kind {
                        RepKind::Max => "MAX_REPEAT",
                        RepKind::Min => "MIN_REPEAT",
                        RepKind::Possessive => "POSSESSIVE_REPEAT",
                    };
                    return Err(PErr::plain(
                        PyReErrorKind::ReError,
                        format!("internal: unsupported template operator {op}"),
                    ));
                }
                compile_checks(item, flags, st)?;
            }
            Node::Subpattern { add, del, p, .. } => {
                compile_checks(p, combine_flags(flags, *add, *del), st)?;
            }
            Node::Atomic(p) => compile_checks(p, flags, st)?,
            Node::Assert { behind, p, .. } => {
                if *behind {
                    let (lo, hi) = width(p, st);
                    if lo > MAXCODE {
                        return Err(PErr::plain(PyReErrorKind::ReError, "looks too much behind"));
                    }
                    if lo != hi {
                        return Err(PErr::plain(
                            PyReErrorKind::ReError,
                            "look-behind requires fixed-width pattern",
                        ));
                    }
                }
                compile_checks(p, flags, st)?;
            }
            Node::Branch(items) => {
                for item in items {
                    compile_checks(item, flags, st)?;
                }
            }
            Node::GroupRefExists { yes, no } => {
                compile_checks(yes, flags, st)?;
                if let Some(no) = no {
                    compile_checks(no, flags, st)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

// ------------------------------------------------------------------------------------------
// Character sets
// ------------------------------------------------------------------------------------------

/// Sorted, non-overlapping, non-adjacent inclusive code point ranges.
type Ranges = Vec<(u32, u32)>;

fn in_table(r: &[(u32, u32)], c: u32) -> bool {
    let i = r.partition_point(|&(_, hi)| hi < c);
    r.get(i).is_some_and(|&(lo, _)| lo <= c)
}

fn canon(mut v: Ranges) -> Ranges {
    v.sort_unstable();
    let mut out: Ranges = Vec::with_capacity(v.len());
    for (lo, hi) in v {
        if let Some(last) = out.last_mut() {
            if lo <= last.1.saturating_add(1) {
                last.1 = last.1.max(hi);
                continue;
            }
        }
        out.push((lo, hi));
    }
    out
}

fn complement(r: &[(u32, u32)]) -> Ranges {
    let mut out = Vec::with_capacity(r.len() + 1);
    let mut next = 0u32;
    for &(lo, hi) in r {
        if lo > next {
            out.push((next, lo - 1));
        }
        next = hi.saturating_add(1);
    }
    if next <= MAX_CHAR {
        out.push((next, MAX_CHAR));
    }
    out
}

fn intersect(a: &[(u32, u32)], b: &[(u32, u32)]) -> Ranges {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        let lo = a[i].0.max(b[j].0);
        let hi = a[i].1.min(b[j].1);
        if lo <= hi {
            out.push((lo, hi));
        }
        if a[i].1 < b[j].1 {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

fn lookup_map(map: &[(u32, u32)], c: u32) -> u32 {
    match map.binary_search_by_key(&c, |&(k, _)| k) {
        Ok(i) => map[i].1,
        Err(_) => c,
    }
}

/// A simple case mapping (only the characters it changes) with its key set and inverse.
struct CaseMap {
    map: Vec<(u32, u32)>,
    keys: Ranges,
    inverse: Vec<(u32, u32)>,
}

impl CaseMap {
    fn new(map: Vec<(u32, u32)>) -> CaseMap {
        let keys = canon(map.iter().map(|&(k, _)| (k, k)).collect());
        let mut inverse: Vec<(u32, u32)> = map.iter().map(|&(k, v)| (v, k)).collect();
        inverse.sort_unstable();
        CaseMap { map, keys, inverse }
    }

    fn get(&self, c: u32) -> u32 {
        lookup_map(&self.map, c)
    }

    /// `{x : f(x) in p}`.
    fn preimage(&self, p: &[(u32, u32)]) -> Ranges {
        let mut out = intersect(p, &complement(&self.keys));
        for &(k, v) in &self.map {
            if in_table(p, v) {
                out.push((k, k));
            }
        }
        canon(out)
    }

    /// `{x : f(x) in s}` for a few code points.
    fn preimage_small(&self, s: &[u32]) -> Ranges {
        let mut out = Vec::new();
        for &c in s {
            if !in_table(&self.keys, c) {
                out.push((c, c));
            }
            let i = self.inverse.partition_point(|&(v, _)| v < c);
            for &(v, k) in &self.inverse[i..] {
                if v != c {
                    break;
                }
                out.push((k, k));
            }
        }
        canon(out)
    }

    /// `{f(x) : x in [lo, hi]}`.
    fn image(&self, lo: u32, hi: u32) -> Ranges {
        let mut out = intersect(&[(lo, hi)], &complement(&self.keys));
        let i = self.map.partition_point(|&(k, _)| k < lo);
        for &(k, v) in &self.map[i..] {
            if k > hi {
                break;
            }
            out.push((v, v));
        }
        canon(out)
    }
}

struct Tables {
    decimal: Ranges,
    word: Ranges,
    space: Ranges,
    alpha: Ranges,
    id_start: Ranges,
    id_continue: Ranges,
    printable: Ranges,
    cased: Ranges,
    lower: CaseMap,
    upper: CaseMap,
    ascii_lower: CaseMap,
}

fn decode_bounds(s: &str) -> Ranges {
    let mut out = Vec::new();
    let mut acc = 0u32;
    let mut start: Option<u32> = None;
    for tok in s.split_ascii_whitespace() {
        acc = acc.saturating_add(u32::from_str_radix(tok, 16).unwrap_or(0));
        match start.take() {
            None => start = Some(acc),
            Some(lo) => out.push((lo, acc.saturating_sub(1))),
        }
    }
    out
}

fn decode_runs(s: &str) -> Vec<(u32, u32)> {
    let toks: Vec<i64> = s
        .split_ascii_whitespace()
        .map(|t| match t.strip_prefix('-') {
            Some(t) => -i64::from_str_radix(t, 16).unwrap_or(0),
            None => i64::from_str_radix(t, 16).unwrap_or(0),
        })
        .collect();
    let mut out = Vec::new();
    let mut start = 0i64;
    for run in toks.chunks_exact(4) {
        start += run[0];
        for k in 0..run[1] {
            let c = start + k * run[2];
            let (Ok(c), Ok(m)) = (u32::try_from(c), u32::try_from(c + run[3])) else {
                continue;
            };
            out.push((c, m));
        }
    }
    out.sort_unstable();
    out
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| Tables {
        decimal: decode_bounds(T_DECIMAL),
        word: decode_bounds(T_WORD),
        space: decode_bounds(T_SPACE),
        alpha: decode_bounds(T_ALPHA),
        id_start: decode_bounds(T_ID_START),
        id_continue: decode_bounds(T_ID_CONTINUE),
        printable: decode_bounds(T_PRINTABLE),
        cased: decode_bounds(T_CASED),
        lower: CaseMap::new(decode_runs(T_LOWER)),
        upper: CaseMap::new(decode_runs(T_UPPER)),
        ascii_lower: CaseMap::new(
            (u32::from(b'A')..=u32::from(b'Z'))
                .map(|c| (c, c + 32))
                .collect(),
        ),
    })
}

/// Unicode decimal digit value (`unicodedata.decimal`).
fn decimal_value(c: char) -> Option<u8> {
    let d = &tables().decimal;
    let c = c as u32;
    let i = d.partition_point(|&(_, hi)| hi < c);
    let &(lo, _) = d.get(i).filter(|&&(lo, _)| lo <= c)?;
    u8::try_from((c - lo) % 10).ok()
}

/// `str.isidentifier()`.
fn is_identifier(s: &str) -> bool {
    let t = tables();
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| in_table(&t.id_start, c as u32))
        && chars.all(|c| in_table(&t.id_continue, c as u32))
}

/// Python `repr(str)`.
fn py_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let t = tables();
    let mut out = String::new();
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if c.is_ascii() || in_table(&t.printable, c as u32) => out.push(c),
            c if (c as u32) <= 0xff => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// `re._casefix._EXTRA_CASES`: lowercase code -> other lowercase codes with the same uppercase.
fn extra_cases(c: u32) -> &'static [u32] {
    match EXTRA_CASES.binary_search_by_key(&c, |&(k, _)| k) {
        Ok(i) => EXTRA_CASES[i].1,
        Err(_) => &[],
    }
}

/// `_sre.unicode_iscased` / `_sre.ascii_iscased`.
fn iscased(c: u32, unicode: bool) -> bool {
    if unicode {
        in_table(&tables().cased, c)
    } else {
        c < 128 && char::from_u32(c).is_some_and(|c| c.is_ascii_alphabetic())
    }
}

fn lower_map(unicode: bool) -> &'static CaseMap {
    if unicode {
        &tables().lower
    } else {
        &tables().ascii_lower
    }
}

fn category_set(cat: Cat, unicode: bool) -> Ranges {
    let t = tables();
    let ascii = |v: &[(u32, u32)]| v.to_vec();
    let (base, negated) = match cat {
        Cat::Digit => (None, false),
        Cat::NotDigit => (None, true),
        Cat::Space => (Some(0), false),
        Cat::NotSpace => (Some(0), true),
        Cat::Word => (Some(1), false),
        Cat::NotWord => (Some(1), true),
    };
    let set = match (base, unicode) {
        (None, true) => t.decimal.clone(),
        (None, false) => ascii(&[(0x30, 0x39)]),
        (Some(0), true) => t.space.clone(),
        (Some(0), false) => ascii(&[(0x09, 0x0d), (0x20, 0x20)]),
        (_, true) => t.word.clone(),
        (_, false) => ascii(&[(0x30, 0x39), (0x41, 0x5a), (0x5f, 0x5f), (0x61, 0x7a)]),
    };
    if negated { complement(&set) } else { set }
}

fn is_word(c: char, unicode: bool) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        unicode && in_table(&tables().word, c as u32)
    }
}

/// The characters an `IN` item matches: `_compiler._optimize_charset` + sre's `charset()`,
/// including the way case-insensitive sets lower-case the subject character first.
fn class_set(items: &[SetItem], flags: u32) -> Ranges {
    let ignore = flags & F_IGNORECASE != 0;
    let unicode = flags & F_UNICODE != 0;
    let lower = lower_map(unicode);
    let mut members: Ranges = Vec::new();
    let mut negate = false;
    let mut hascased = false;
    let add_fixes = |members: &mut Ranges, img: &[(u32, u32)]| {
        if unicode {
            for &(k, vs) in EXTRA_CASES {
                if in_table(img, k) {
                    members.extend(vs.iter().map(|&v| (v, v)));
                }
            }
        }
    };
    for item in items {
        match *item {
            SetItem::Negate => negate = true,
            SetItem::Literal(av) if ignore => {
                let lo = lower.get(av);
                if lo <= 0xffff {
                    members.push((lo, lo));
                    if unicode {
                        members.extend(extra_cases(lo).iter().map(|&v| (v, v)));
                    }
                    hascased |= iscased(av, unicode);
                } else {
                    // sre keeps the original (not lower-cased) non-BMP literal.
                    hascased = true;
                    members.push((av, av));
                }
            }
            SetItem::Range(a, b) if ignore => {
                let bmp_hi = b.min(0xffff);
                if a <= bmp_hi {
                    let img = lower.image(a, bmp_hi);
                    add_fixes(&mut members, &img);
                    members.extend(img);
                }
                if b > 0xffff {
                    // RANGE_UNI_IGNORE: lower(ch) in [a, b] or upper(lower(ch)) in [a, b]
                    hascased = true;
                    members.push((a, b));
                    let upper = &tables().upper;
                    for &(k, v) in &upper.map {
                        if (a..=b).contains(&v) {
                            members.push((k, k));
                        }
                    }
                } else if !hascased {
                    hascased = if unicode {
                        !intersect(&[(a, b)], &tables().cased).is_empty()
                    } else {
                        !intersect(&[(a, b)], &[(0x41, 0x5a), (0x61, 0x7a)]).is_empty()
                    };
                }
            }
            SetItem::Literal(av) => members.push((av, av)),
            SetItem::Range(a, b) => members.push((a, b)),
            SetItem::Category(cat) => members.extend(category_set(cat, unicode)),
        }
    }
    let mut set = canon(members);
    if negate {
        set = complement(&set);
    }
    if ignore && hascased {
        lower.preimage(&set)
    } else {
        set
    }
}

/// The characters a (possibly case-insensitive) `LITERAL` item matches.
fn literal_set(c: u32, flags: u32) -> Option<Ranges> {
    let unicode = flags & F_UNICODE != 0;
    if flags & F_IGNORECASE == 0 || !iscased(c, unicode) {
        return None;
    }
    let lower = lower_map(unicode);
    let lo = lower.get(c);
    let mut s = vec![lo];
    if unicode {
        s.extend_from_slice(extra_cases(lo));
    }
    Some(lower.preimage_small(&s))
}

// ------------------------------------------------------------------------------------------
// Matcher: Thompson NFA, simulated breadth-first (no backtracking, linear in the subject)
// ------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Look {
    /// `\A`, `^` without MULTILINE
    BeginText,
    /// `^` with MULTILINE
    BeginLine,
    /// `\Z`
    EndText,
    /// `$` without MULTILINE: end, or before a newline that is the last character
    End,
    /// `$` with MULTILINE
    EndLine,
    Boundary {
        unicode: bool,
    },
    NonBoundary {
        unicode: bool,
    },
}

#[derive(Debug, Clone, Copy)]
enum Inst {
    Char(u32),
    Set(usize),
    Any {
        dotall: bool,
    },
    Look(Look),
    /// Look-around: the sub-program at `start..end` must (not, if `neg`) match at the current
    /// position, or `width` characters before it for a look-behind.
    Assert {
        start: usize,
        end: usize,
        id: usize,
        behind: bool,
        width: usize,
        neg: bool,
    },
    Split(usize, usize),
    Jmp(usize),
    Match,
}

/// A character set with an ASCII bitmap fast path.
#[derive(Debug, Clone)]
struct CharSet {
    ascii: u128,
    ranges: Ranges,
}

impl CharSet {
    fn new(ranges: Ranges) -> CharSet {
        let mut ascii = 0u128;
        for c in 0..128u32 {
            if in_table(&ranges, c) {
                ascii |= 1 << c;
            }
        }
        CharSet { ascii, ranges }
    }

    fn contains(&self, c: u32) -> bool {
        if c < 128 {
            self.ascii & (1 << c) != 0
        } else {
            in_table(&self.ranges, c)
        }
    }
}

#[derive(Debug, Clone)]
struct Program {
    insts: Vec<Inst>,
    sets: Vec<CharSet>,
}

type Memo = HashMap<(usize, usize), bool>;

/// A set of program counters in `base..base + n`.
struct SparseSet {
    base: usize,
    dense: Vec<usize>,
    sparse: Vec<usize>,
}

impl SparseSet {
    fn new(base: usize, n: usize) -> SparseSet {
        SparseSet {
            base,
            dense: Vec::new(),
            sparse: vec![0; n],
        }
    }

    fn insert(&mut self, pc: usize) -> bool {
        let Some(x) = pc.checked_sub(self.base) else {
            return false;
        };
        let Some(&i) = self.sparse.get(x) else {
            return false;
        };
        if self.dense.get(i) == Some(&pc) {
            return false;
        }
        self.sparse[x] = self.dense.len();
        self.dense.push(pc);
        true
    }
}

impl Program {
    /// Does the (sub-)program at `pc0..end` match some prefix of `text[pos0..]`?
    fn run(&self, pc0: usize, end: usize, text: &[char], pos0: usize, memo: &mut Memo) -> bool {
        let n = end.saturating_sub(pc0);
        let mut clist = SparseSet::new(pc0, n);
        let mut nlist = SparseSet::new(pc0, n);
        let mut stack = Vec::new();
        if self.closure(&mut clist, &mut stack, pc0, text, pos0, memo) {
            return true;
        }
        let mut pos = pos0;
        while let Some(&ch) = text.get(pos) {
            if clist.dense.is_empty() {
                return false;
            }
            nlist.dense.clear();
            for &pc in &clist.dense {
                let ok = match self.insts.get(pc) {
                    Some(Inst::Char(c)) => *c == ch as u32,
                    Some(Inst::Set(i)) => self.sets.get(*i).is_some_and(|s| s.contains(ch as u32)),
                    Some(Inst::Any { dotall }) => *dotall || ch != '\n',
                    _ => false,
                };
                if ok && self.closure(&mut nlist, &mut stack, pc + 1, text, pos + 1, memo) {
                    return true;
                }
            }
            std::mem::swap(&mut clist, &mut nlist);
            pos += 1;
        }
        false
    }

    /// Adds the epsilon closure of `pc` at `pos` to `set`; true when it reaches `Match`.
    fn closure(
        &self,
        set: &mut SparseSet,
        stack: &mut Vec<usize>,
        pc: usize,
        text: &[char],
        pos: usize,
        memo: &mut Memo,
    ) -> bool {
        stack.clear();
        stack.push(pc);
        while let Some(pc) = stack.pop() {
            if !set.insert(pc) {
                continue;
            }
            match self.insts.get(pc) {
                Some(Inst::Match) => return true,
                Some(Inst::Jmp(t)) => stack.push(*t),
                Some(Inst::Split(a, b)) => {
                    stack.push(*b);
                    stack.push(*a);
                }
                Some(Inst::Look(l)) if look(*l, text, pos) => stack.push(pc + 1),
                Some(&Inst::Assert {
                    start,
                    end,
                    id,
                    behind,
                    width,
                    neg,
                }) => {
                    let key = (id, pos);
                    let ok = match memo.get(&key) {
                        Some(&v) => v,
                        None => {
                            let found = if behind {
                                pos.checked_sub(width)
                                    .is_some_and(|p| self.run(start, end, text, p, memo))
                            } else {
                                self.run(start, end, text, pos, memo)
                            };
                            memo.insert(key, found != neg);
                            found != neg
                        }
                    };
                    if ok {
                        stack.push(pc + 1);
                    }
                }
                _ => {}
            }
        }
        false
    }
}

/// sre's `SRE(at)` for a match over the whole string `text`.
fn look(l: Look, text: &[char], pos: usize) -> bool {
    let n = text.len();
    let prev = pos.checked_sub(1).and_then(|p| text.get(p)).copied();
    let next = text.get(pos).copied();
    match l {
        Look::BeginText => pos == 0,
        Look::BeginLine => pos == 0 || prev == Some('\n'),
        Look::EndText => pos == n,
        Look::End => pos == n || (pos + 1 == n && next == Some('\n')),
        Look::EndLine => pos == n || next == Some('\n'),
        Look::Boundary { unicode } | Look::NonBoundary { unicode } => {
            if n == 0 {
                return false;
            }
            let before = prev.is_some_and(|c| is_word(c, unicode));
            let after = next.is_some_and(|c| is_word(c, unicode));
            (before != after) == matches!(l, Look::Boundary { .. })
        }
    }
}

struct Compiler<'a> {
    st: &'a State,
    insts: Vec<Inst>,
    sets: Vec<CharSet>,
    by_node: HashMap<(usize, u32), usize>,
    by_content: HashMap<Ranges, usize>,
    asserts: usize,
}

fn too_large() -> PErr {
    PErr::unsupported(format!(
        "pattern too large (more than {MAX_PROGRAM_SIZE} matcher instructions after expanding repeats)"
    ))
}

impl<'a> Compiler<'a> {
    fn new(st: &'a State) -> Compiler<'a> {
        Compiler {
            st,
            insts: Vec::new(),
            sets: Vec::new(),
            by_node: HashMap::new(),
            by_content: HashMap::new(),
            asserts: 0,
        }
    }

    fn build(mut self, ast: &[Node], flags: u32) -> PResult<Program> {
        self.seq(ast, flags)?;
        self.push(Inst::Match)?;
        Ok(Program {
            insts: self.insts,
            sets: self.sets,
        })
    }

    fn push(&mut self, inst: Inst) -> PResult<usize> {
        if self.insts.len() >= MAX_PROGRAM_SIZE {
            return Err(too_large());
        }
        self.insts.push(inst);
        Ok(self.insts.len() - 1)
    }

    fn set(&mut self, node: &Node, flags: u32, make: impl FnOnce() -> Ranges) -> PResult<usize> {
        let key = (std::ptr::from_ref(node).addr(), flags);
        if let Some(&i) = self.by_node.get(&key) {
            return Ok(i);
        }
        let ranges = make();
        let i = match self.by_content.get(&ranges) {
            Some(&i) => i,
            None => {
                if self.sets.len() >= MAX_PROGRAM_SIZE {
                    return Err(too_large());
                }
                self.sets.push(CharSet::new(ranges.clone()));
                self.by_content.insert(ranges, self.sets.len() - 1);
                self.sets.len() - 1
            }
        };
        self.by_node.insert(key, i);
        Ok(i)
    }

    fn seq(&mut self, nodes: &[Node], flags: u32) -> PResult<()> {
        for node in nodes {
            self.node(node, flags)?;
        }
        Ok(())
    }

    fn node(&mut self, node: &Node, flags: u32) -> PResult<()> {
        match node {
            Node::Literal(c) | Node::NotLiteral(c) => {
                let negate = matches!(node, Node::NotLiteral(_));
                match literal_set(*c, flags) {
                    None if !negate => {
                        self.push(Inst::Char(*c))?;
                    }
                    set => {
                        let set = set.unwrap_or_else(|| vec![(*c, *c)]);
                        let i =
                            self.set(node, flags, || if negate { complement(&set) } else { set })?;
                        self.push(Inst::Set(i))?;
                    }
                }
            }
            Node::Any => {
                self.push(Inst::Any {
                    dotall: flags & F_DOTALL != 0,
                })?;
            }
            Node::In(items) => {
                let i = self.set(node, flags, || class_set(items, flags))?;
                self.push(Inst::Set(i))?;
            }
            Node::At(at) => {
                let multiline = flags & F_MULTILINE != 0;
                let unicode = flags & F_UNICODE != 0;
                let l = match at {
                    AtCode::Beginning if multiline => Look::BeginLine,
                    AtCode::Beginning | AtCode::BeginningString => Look::BeginText,
                    AtCode::End if multiline => Look::EndLine,
                    AtCode::End => Look::End,
                    AtCode::EndString => Look::EndText,
                    AtCode::Boundary => Look::Boundary { unicode },
                    AtCode::NonBoundary => Look::NonBoundary { unicode },
                };
                self.push(Inst::Look(l))?;
            }
            Node::Branch(items) => {
                let mut jumps = Vec::new();
                for (k, alt) in items.iter().enumerate() {
                    if k + 1 < items.len() {
                        let split = self.push(Inst::Split(0, 0))?;
                        self.seq(alt, flags)?;
                        jumps.push(self.push(Inst::Jmp(0))?);
                        self.insts[split] = Inst::Split(split + 1, self.insts.len());
                    } else {
                        self.seq(alt, flags)?;
                    }
                }
                let end = self.insts.len();
                for j in jumps {
                    self.insts[j] = Inst::Jmp(end);
                }
            }
            Node::Repeat {
                kind,
                min,
                max,
                item,
            } => {
                if *kind == RepKind::Possessive {
                    return Err(PErr::unsupported(
                        "possessive repeats (*+, ++, ?+, {m,n}+)".to_string(),
                    ));
                }
                self.repeat(item, *min, *max, flags)?;
            }
            Node::Subpattern { add, del, p, .. } => {
                self.seq(p, combine_flags(flags, *add, *del))?;
            }
            Node::Atomic(_) => {
                return Err(PErr::unsupported("atomic groups (?>...)".to_string()));
            }
            Node::Assert { behind, neg, p } => {
                let width = if *behind {
                    usize::try_from(width(p, self.st).0).unwrap_or(usize::MAX)
                } else {
                    0
                };
                let id = self.asserts;
                self.asserts += 1;
                let at = self.push(Inst::Match)?;
                let jmp = self.push(Inst::Jmp(0))?;
                self.seq(p, flags)?;
                self.push(Inst::Match)?;
                let end = self.insts.len();
                self.insts[at] = Inst::Assert {
                    start: jmp + 1,
                    end,
                    id,
                    behind: *behind,
                    width,
                    neg: *neg,
                };
                self.insts[jmp] = Inst::Jmp(end);
            }
            Node::GroupRef(_) => {
                return Err(PErr::unsupported(
                    "backreferences (\\1, (?P=name))".to_string(),
                ));
            }
            Node::GroupRefExists { .. } => {
                return Err(PErr::unsupported(
                    "conditional groups (?(id)yes|no)".to_string(),
                ));
            }
        }
        Ok(())
    }

    fn repeat(&mut self, item: &[Node], min: u64, max: u64, flags: u32) -> PResult<()> {
        for _ in 0..min {
            let before = self.insts.len();
            self.seq(item, flags)?;
            if self.insts.len() == before {
                // The item compiles to nothing: repeating it changes nothing.
                return Ok(());
            }
        }
        if max == MAXREPEAT {
            let split = self.push(Inst::Split(0, 0))?;
            let before = self.insts.len();
            self.seq(item, flags)?;
            if self.insts.len() == before {
                self.insts.pop();
                return Ok(());
            }
            self.push(Inst::Jmp(split))?;
            self.insts[split] = Inst::Split(split + 1, self.insts.len());
        } else {
            let mut splits = Vec::new();
            for _ in min..max {
                let split = self.push(Inst::Split(0, 0))?;
                let before = self.insts.len();
                self.seq(item, flags)?;
                if self.insts.len() == before {
                    self.insts.pop();
                    break;
                }
                splits.push(split);
            }
            let end = self.insts.len();
            for s in splits {
                self.insts[s] = Inst::Split(s + 1, end);
            }
        }
        Ok(())
    }
}

// ------------------------------------------------------------------------------------------
// Literal prefix
// ------------------------------------------------------------------------------------------

/// Appends the literal text every match of `nodes` starts with; true when all of `nodes` was
/// literal text (so the caller may continue with what follows).
fn lit_prefix(nodes: &[Node], flags: u32, out: &mut String) -> bool {
    for node in nodes {
        match node {
            Node::Literal(c) => {
                if flags & F_IGNORECASE != 0 && iscased(*c, flags & F_UNICODE != 0) {
                    return false;
                }
                match char::from_u32(*c) {
                    Some(ch) => out.push(ch),
                    None => return false,
                }
            }
            // Zero-width and always true at the start of the subject.
            Node::At(AtCode::Beginning | AtCode::BeginningString) if out.is_empty() => {}
            Node::Subpattern { add, del, p, .. } => {
                if !lit_prefix(p, combine_flags(flags, *add, *del), out) {
                    return false;
                }
            }
            Node::Repeat {
                kind: RepKind::Max | RepKind::Min,
                min,
                item,
                ..
            } if *min >= 1 => {
                lit_prefix(item, flags, out);
                return false;
            }
            _ => return false,
        }
    }
    true
}

// ------------------------------------------------------------------------------------------
// Tables generated from CPython 3.11.7 (Unicode 14.0.0) by the script at the end of this file
// ------------------------------------------------------------------------------------------

const EXTRA_CASES: &[(u32, &[u32])] = &[
    (0x0069, &[0x0131]),
    (0x0073, &[0x017f]),
    (0x00b5, &[0x03bc]),
    (0x0131, &[0x0069]),
    (0x017f, &[0x0073]),
    (0x0345, &[0x03b9, 0x1fbe]),
    (0x0390, &[0x1fd3]),
    (0x03b0, &[0x1fe3]),
    (0x03b2, &[0x03d0]),
    (0x03b5, &[0x03f5]),
    (0x03b8, &[0x03d1]),
    (0x03b9, &[0x0345, 0x1fbe]),
    (0x03ba, &[0x03f0]),
    (0x03bc, &[0x00b5]),
    (0x03c0, &[0x03d6]),
    (0x03c1, &[0x03f1]),
    (0x03c2, &[0x03c3]),
    (0x03c3, &[0x03c2]),
    (0x03c6, &[0x03d5]),
    (0x03d0, &[0x03b2]),
    (0x03d1, &[0x03b8]),
    (0x03d5, &[0x03c6]),
    (0x03d6, &[0x03c0]),
    (0x03f0, &[0x03ba]),
    (0x03f1, &[0x03c1]),
    (0x03f5, &[0x03b5]),
    (0x0432, &[0x1c80]),
    (0x0434, &[0x1c81]),
    (0x043e, &[0x1c82]),
    (0x0441, &[0x1c83]),
    (0x0442, &[0x1c84, 0x1c85]),
    (0x044a, &[0x1c86]),
    (0x0463, &[0x1c87]),
    (0x1c80, &[0x0432]),
    (0x1c81, &[0x0434]),
    (0x1c82, &[0x043e]),
    (0x1c83, &[0x0441]),
    (0x1c84, &[0x0442, 0x1c85]),
    (0x1c85, &[0x0442, 0x1c84]),
    (0x1c86, &[0x044a]),
    (0x1c87, &[0x0463]),
    (0x1c88, &[0xa64b]),
    (0x1e61, &[0x1e9b]),
    (0x1e9b, &[0x1e61]),
    (0x1fbe, &[0x0345, 0x03b9]),
    (0x1fd3, &[0x0390]),
    (0x1fe3, &[0x03b0]),
    (0xa64b, &[0x1c88]),
    (0xfb05, &[0xfb06]),
    (0xfb06, &[0xfb05]),
];

/// Range boundaries (hex deltas) of: str.isdecimal() (Python `\d`).
const T_DECIMAL: &str = concat!(
    "30 a 626 a 86 a c6 a 19c a 76 a 76 a 76 a 76 a 76 a 76 a 76 a 76 a 76 a 60 a 76 a 46 a ",
    "116 a 46 a 746 a 26 a 12c a 80 a a6 a 6 a b6 a 56 a 86 a 6 a 89c6 a 2a6 a 26 a c6 a 16 a ",
    "56 a 196 a 5316 a 586 a 886 a 32c a 80 a 3c a 90 a 116 a 156 a 76 a 176 a 66 a 66 a 1a6 a ",
    "66 a 2f6 a f6 a 46 a 4cb6 a 56 a 86 a 6c74 32 940 a 1a6 a 656 a 1296 a"
);

/// Range boundaries (hex deltas) of: str.isalnum() or "_" (Python `\w`).
const T_WORD: &str = concat!(
    "30 a 7 1a 4 1 1 1a 2f 1 7 2 1 1 3 2 1 3 1 17 1 1f 1 1ca 4 c e 5 7 1 1 1 81 5 1 2 2 4 1 1 ",
    "6 1 1 3 1 1 1 14 1 53 1 8b 8 a6 1 26 2 1 6 29 47 1b 4 4 2d 2b 15 a 4 2 1 63 1 1 f 2 7 f 2 ",
    "1 10 1 1 1e 1d 59 b 1 e 2b 9 2 4 1 5 16 4 1 9 1 3 1 17 19 7 b 5 18 1 6 11 2a 3a 36 3 1 12 ",
    "1 7 a 4 a 1 10 4 8 2 2 2 16 1 7 1 1 3 4 3 1 10 1 d 2 1 3 4 c 2 6 2 1 8 6 4 2 2 16 1 7 1 2 ",
    "1 2 1 2 1f 4 1 1 7 a 2 3 10 9 1 3 1 16 1 7 1 2 1 5 3 1 12 1 f 2 4 a 9 1 b 8 2 2 2 16 1 7 ",
    "1 2 1 5 3 1 1e 2 1 3 4 a 1 7 b 1 1 6 3 3 1 4 3 2 1 1 1 2 3 2 3 3 3 c 16 1 15 d 12 8 1 3 1 ",
    "17 1 10 3 1 1a 3 2 1 2 2 4 a 8 7 1 1 4 8 1 3 1 17 1 a 1 5 3 1 1f 2 1 2 4 a 1 2 11 9 1 3 1 ",
    "29 2 1 10 1 5 3 1 a 4 13 1 6 5 12 3 18 1 9 1 1 2 7 1f a 11 30 1 2 c 7 9 a 27 2 1 1 1 5 1 ",
    "18 1 1 1 a 1 2 9 1 2 5 1 1 9 a 2 4 20 1 1f 14 c 8 1 24 1b 5 73 2b 14 b 6 6 4 4 3 1 3 2 7 ",
    "3 4 d c 1 1 a 6 26 1 1 5 1 2 2b 1 14d 1 4 2 7 1 1 1 4 2 29 1 4 2 21 1 4 2 7 1 1 1 4 2 f 1 ",
    "39 1 4 2 43 e 14 3 10 10 56 2 6 3 26c 2 11 1 1a 5 4b 3 b 7 12 d 13 e 12 e d 1 3 f 34 23 1 ",
    "4 1 3 a 6 a 16 a 6 59 7 5 2 22 1 1 5 46 a 1f 27 28 2 5 b 2c 4 1a 6 b 25 17 9 35 2b a 6 a ",
    "d 1 5d 2f 11 8 3 a 29 1e d 38 1a 24 1c a 3 31 2 9 7 2b 2 3 29 4 1 6 1 2 3 1 5 c0 40 116 2 ",
    "6 2 26 2 6 2 8 1 1 1 1 1 1 1 1f 2 35 1 7 1 1 3 3 1 7 3 4 2 6 4 d 5 3 1 7 73 2 2 6 5 b 6 d ",
    "65 1 4 1 2 a 1 1 3 5 6 1 1 1 1 1 1 4 1 b 2 4 5 5 4 1 1 3a 2d6 3c 4e 16 276 1e 46c e5 6 4 ",
    "3 2 9 1 2 26 1 1 5 1 2 38 7 1 10 17 9 7 1 7 1 7 1 7 1 7 1 7 1 7 1 7 50 1 1d5 3 19 9 7 5 2 ",
    "5 4 56 6 3 1 5a 1 4 5 2b 1 5e 3 4 a 20 30 10 20 a 1e 8 1 f 20 a 27 f 140 19c0 40 568d 43 ",
    "2e 2 10d 3 1c 14 2f 10 1f 2 50 27 9 2 67 2 40 5 2 1 1 1 5 18 10 1 3 1 4 1 17 d 6 a 34 e ",
    "32 1c a 18 6 3 1 1 2 1 26 a 17 19 1d 7 2f 1c b 6 5 1 19 1 29 17 3 1 8 4 a 6 17 3 1 3 32 1 ",
    "1 3 2 2 5 2 1 1 1 18 3 2 b 7 3 c 6 2 6 2 6 9 7 1 7 1 2b 1 e 6 73 d a 6 2ba4 c 17 4 31 ",
    "2104 16e 2 6a 26 7 c 5 5 1 1 a 1 d 1 5 1 1 1 2 1 2 1 6c 21 16b 12 40 2 36 28 c 74 5 1 87 ",
    "13 a 7 1a 6 1a b 59 3 6 2 6 2 6 2 3 23 c 1 1a 1 13 1 2 1 f 2 e 22 7b c 2d c 39 11 2 f4 1d ",
    "3 31 10 1b 4 24 9 1e 5 26 a 1e 2 24 4 8 1 5 2a 9e 2 a 6 24 4 24 4 28 8 34 c b 1 f 1 7 1 2 ",
    "1 b 1 f 1 7 1 2 43 137 9 16 a 8 18 6 1 2a 1 9 45 6 2 1 1 2c 1 2 3 1 2 17 2 1f 2 26 8 9 30 ",
    "13 1 2 5 21 4 1a 46 38 4 14 2 2f f 4 1 3 1 1d a 9 17 1f 1 20 20 8 1 1c 6 5 10 36 a 16 2 ",
    "1b 5 1a 17 7 50 49 37 33 d 33 7 2a c a 126 1f 1 2a 6 2 4e 28 8 16 b 4 1b 12 2e 1c 14 17 c ",
    "35 1a 1e 1 2 2 1 d 2d 20 19 7 a 9 24 f a 4 1 2 1 8 23 3 1 c 30 e 4 b b 1 1 4 14 b 12 1 19 ",
    "54 7 1 1 1 4 1 f 1 a 7 2f 11 a b 8 2 2 2 16 1 7 1 2 1 5 3 1 12 1 c 5 9e 35 12 4 5 a 5 3 ",
    "1e 30 14 2 1 1 8 a a6 2f 29 4 24 30 14 1 b a 26 2b d 1 7 a 36 1b 15 c 4 7 b9 2c 74 53 c 8 ",
    "2 1 2 8 1 2 1 18 f 1 1 1 e a 46 8 2 27 10 1 1 1 1c 1 a 28 7 1 15 1 b 2e 13 1 12 49 107 9 ",
    "1 25 11 1 f 1d 5 1e 70 7 1 2 1 26 15 1 9 a 6 6 1 2 1 20 e 1 7 a 136 13 bd 1 f 15 2b 39a ",
    "66 6f 11 c4 a4c 61 f 42f fd1 247 21b9 239 7 1f 1 a 6 4f 1 a 6 1e 12 30 10 4 c a 1 7 1 15 ",
    "5 13 2b0 57 69 4b 5 1 42 d 40 2 1 1 1c 17f8 8 4d6 2a 9 22e7 4 1 7 1 2 1 123 2d 3 11 4 8 ",
    "18c 904 6b 5 d 3 9 7 a 1646 14 6c 19 87 55 1 47 1 2 2 1 2 2 2 4 1 c 1 1 1 7 1 41 1 4 2 8 ",
    "1 7 1 1c 1 4 1 5 1 1 3 7 1 154 2 19 1 19 1 1f 1 19 1 1f 1 19 1 1f 1 19 1 1f 1 19 1 8 2 32 ",
    "700 1f 1e1 2d a 7 2 a 4 1 141 1e 12 2c 4 a 4e6 7 1 4 1 2 1 f 1 c5 2 9 30 44 7 1 4 a 317 ",
    "3b 1 3 1 4 4c 2d 1 f c2 4 1 1b 1 2 1 1 2 1 1 a 1 4 1 1 1 1 6 1 4 1 1 1 1 1 1 3 1 2 1 1 2 ",
    "1 1 1 1 1 1 1 1 1 1 2 1 1 2 4 1 7 1 4 1 4 1 1 1 a 1 11 5 3 1 5 1 11 244 d ae3 a 406 a6e0 ",
    "20 1039 7 de 2 1682 e 1d31 c1f 21e 5e2 134b"
);

/// Range boundaries (hex deltas) of: str.isspace() (Python `\s`).
const T_SPACE: &str = "9 5 e 5 64 1 1a 1 15df 1 97f b 1d 2 5 1 2f 1 fa0 1";

/// Range boundaries (hex deltas) of: str.isalpha().
const T_ALPHA: &str = concat!(
    "41 1a 6 1a 2f 1 a 1 4 1 5 17 1 1f 1 1ca 4 c e 5 7 1 1 1 81 5 1 2 2 4 1 1 6 1 1 3 1 1 1 14 ",
    "1 53 1 8b 8 a6 1 26 2 1 6 29 47 1b 4 4 2d 2b 23 2 1 63 1 1 f 2 7 2 a 3 2 1 10 1 1 1e 1d ",
    "59 b 1 18 21 9 2 4 1 5 16 4 1 9 1 3 1 17 19 7 b 5 18 1 6 11 2a 3a 36 3 1 12 1 7 a f 10 4 ",
    "8 2 2 2 16 1 7 1 1 3 4 3 1 10 1 d 2 1 3 e 2 a 1 8 6 4 2 2 16 1 7 1 2 1 2 1 2 1f 4 1 1 13 ",
    "3 10 9 1 3 1 16 1 7 1 2 1 5 3 1 12 1 f 2 17 1 b 8 2 2 2 16 1 7 1 2 1 5 3 1 1e 2 1 3 f 1 ",
    "11 1 1 6 3 3 1 4 3 2 1 1 1 2 3 2 3 3 3 c 16 1 34 8 1 3 1 17 1 10 3 1 1a 3 2 1 2 2 1e 1 4 ",
    "8 1 3 1 17 1 a 1 5 3 1 1f 2 1 2 f 2 11 9 1 3 1 29 2 1 10 1 5 3 8 3 18 6 5 12 3 18 1 9 1 1 ",
    "2 7 3a 30 1 2 c 7 3a 2 1 1 1 5 1 18 1 1 1 a 1 2 9 1 2 5 1 1 15 4 20 1 3f 8 1 24 1b 5 73 ",
    "2b 14 1 10 6 4 4 3 1 3 2 7 3 4 d c 1 11 26 1 1 5 1 2 2b 1 14d 1 4 2 7 1 1 1 4 2 29 1 4 2 ",
    "21 1 4 2 7 1 1 1 4 2 f 1 39 1 4 2 43 25 10 10 56 2 6 3 26c 2 11 1 1a 5 4b 6 8 7 12 d 13 e ",
    "12 e d 1 3 f 34 23 1 4 1 43 59 7 5 2 22 1 1 5 46 a 1f 31 1e 2 5 b 2c 4 1a 36 17 9 35 52 1 ",
    "5d 2f 11 8 36 1e d 2 a 2c 1a 24 29 3 a 24 2 9 7 2b 2 3 29 4 1 6 1 2 3 1 5 c0 40 116 2 6 2 ",
    "26 2 6 2 8 1 1 1 1 1 1 1 1f 2 35 1 7 1 1 3 3 1 7 3 4 2 6 4 d 5 3 1 7 74 1 d 1 10 d 65 1 4 ",
    "1 2 a 1 1 3 5 6 1 1 1 1 1 1 4 1 b 2 4 5 5 4 1 34 2 a7b e5 6 4 3 2 c 26 1 1 5 1 2 38 7 1 ",
    "10 17 9 7 1 7 1 7 1 7 1 7 1 7 1 7 1 7 50 1 1d5 2 2a 5 5 2 4 56 6 3 1 5a 1 4 5 2b 1 5e 11 ",
    "20 30 10 200 19c0 40 568d 43 2e 2 10d 3 10 a 2 14 2f 10 1f 2 46 31 9 2 67 2 40 5 2 1 1 1 ",
    "5 18 10 1 3 1 4 1 17 1d 34 e 32 3e 6 3 1 1 2 b 1c a 17 19 1d 7 2f 1c 1 10 5 1 a a 5 1 29 ",
    "17 3 1 8 14 17 3 1 3 32 1 1 3 2 2 5 2 1 1 1 18 3 2 b 7 3 c 6 2 6 2 6 9 7 1 7 1 2b 1 e 6 ",
    "73 1d 2ba4 c 17 4 31 2104 16e 2 6a 26 7 c 5 5 1 1 a 1 d 1 5 1 1 1 2 1 2 1 6c 21 16b 12 40 ",
    "2 36 28 c 74 5 1 87 24 1a 6 1a b 59 3 6 2 6 2 6 2 3 23 c 1 1a 1 13 1 2 1 f 2 e 22 7b 185 ",
    "1d 3 31 2f 20 d 14 1 8 6 26 a 1e 2 24 4 8 30 9e 12 24 4 24 4 28 8 34 c b 1 f 1 7 1 2 1 b ",
    "1 f 1 7 1 2 43 137 9 16 a 8 18 6 1 2a 1 9 45 6 2 1 1 2c 1 2 3 1 2 17 a 17 9 1f 41 13 1 2 ",
    "a 16 a 1a 46 38 6 2 40 1 f 4 1 3 1 1d 2a 1d 3 1d 23 8 1 1c 1b 36 a 16 a 13 d 12 6e 49 37 ",
    "33 d 33 d 24 15c 2a 6 2 4e 1d a 1 8 16 2a 12 2e 15 1b 17 c 35 39 2 2 1 d 2d 20 19 1a 24 ",
    "1d 1 2 1 8 23 3 1 c 30 e 4 15 1 1 1 23 12 1 19 54 7 1 1 1 4 1 f 1 a 7 2f 26 8 2 2 2 16 1 ",
    "7 1 2 1 5 3 1 12 1 c 5 9e 35 12 4 14 3 1e 30 14 2 1 1 b8 2f 29 4 24 30 14 1 3b 2b d 1 47 ",
    "1b 25 7 b9 2c 74 40 1f 8 2 1 2 8 1 2 1 18 f 1 1 1 5e 8 2 27 10 1 1 1 1c 1 a 28 7 1 15 1 b ",
    "2e 13 1 12 49 107 9 1 25 11 1 31 1e 70 7 1 2 1 26 15 1 19 6 1 2 1 20 e 1 147 13 bd 1 4f ",
    "39a e6 c4 a4c 61 f 42f fd1 247 21b9 239 7 1f 11 4f 11 1e 12 30 10 4 1f 15 5 13 2b0 40 80 ",
    "4b 5 1 42 d 40 2 1 1 1c 17f8 8 4d6 2a 9 22e7 4 1 7 1 2 1 123 2d 3 11 4 8 18c 904 6b 5 d 3 ",
    "9 7 a 1766 55 1 47 1 2 2 1 2 2 2 4 1 c 1 1 1 7 1 41 1 4 2 8 1 7 1 1c 1 4 1 5 1 1 3 7 1 ",
    "154 2 19 1 19 1 1f 1 19 1 1f 1 19 1 1f 1 19 1 1f 1 19 1 8 734 1f 1e1 2d a 7 10 1 141 1e ",
    "12 2c 4f4 7 1 4 1 2 1 f 1 c5 3b 44 7 1 4b4 4 1 1b 1 2 1 1 2 1 1 a 1 4 1 1 1 1 6 1 4 1 1 1 ",
    "1 1 1 3 1 2 1 1 2 1 1 1 1 1 1 1 1 1 1 2 1 1 2 4 1 7 1 4 1 4 1 1 1 a 1 11 5 3 1 5 1 11 ",
    "1144 a6e0 20 1039 7 de 2 1682 e 1d31 c1f 21e 5e2 134b"
);

/// Range boundaries (hex deltas) of: chr(c).isidentifier().
const T_ID_START: &str = concat!(
    "41 1a 4 1 1 1a 2f 1 a 1 4 1 5 17 1 1f 1 1ca 4 c e 5 7 1 1 1 81 5 1 2 3 3 1 1 6 1 1 3 1 1 ",
    "1 14 1 53 1 8b 8 a6 1 26 2 1 6 29 47 1b 4 4 2d 2b 23 2 1 63 1 1 f 2 7 2 a 3 2 1 10 1 1 1e ",
    "1d 59 b 1 18 21 9 2 4 1 5 16 4 1 9 1 3 1 17 19 7 b 5 18 1 6 11 2a 3a 36 3 1 12 1 7 a f 10 ",
    "4 8 2 2 2 16 1 7 1 1 3 4 3 1 10 1 d 2 1 3 e 2 a 1 8 6 4 2 2 16 1 7 1 2 1 2 1 2 1f 4 1 1 ",
    "13 3 10 9 1 3 1 16 1 7 1 2 1 5 3 1 12 1 f 2 17 1 b 8 2 2 2 16 1 7 1 2 1 5 3 1 1e 2 1 3 f ",
    "1 11 1 1 6 3 3 1 4 3 2 1 1 1 2 3 2 3 3 3 c 16 1 34 8 1 3 1 17 1 10 3 1 1a 3 2 1 2 2 1e 1 ",
    "4 8 1 3 1 17 1 a 1 5 3 1 1f 2 1 2 f 2 11 9 1 3 1 29 2 1 10 1 5 3 8 3 18 6 5 12 3 18 1 9 1 ",
    "1 2 7 3a 30 1 1 d 7 3a 2 1 1 1 5 1 18 1 1 1 a 1 1 a 1 2 5 1 1 15 4 20 1 3f 8 1 24 1b 5 73 ",
    "2b 14 1 10 6 4 4 3 1 3 2 7 3 4 d c 1 11 26 1 1 5 1 2 2b 1 14d 1 4 2 7 1 1 1 4 2 29 1 4 2 ",
    "21 1 4 2 7 1 1 1 4 2 f 1 39 1 4 2 43 25 10 10 56 2 6 3 26c 2 11 1 1a 5 4b 3 b 7 12 d 13 e ",
    "12 e d 1 3 f 34 23 1 4 1 43 59 7 29 1 1 5 46 a 1f 31 1e 2 5 b 2c 4 1a 36 17 9 35 52 1 5d ",
    "2f 11 8 36 1e d 2 a 2c 1a 24 29 3 a 24 2 9 7 2b 2 3 29 4 1 6 1 2 3 1 5 c0 40 116 2 6 2 26 ",
    "2 6 2 8 1 1 1 1 1 1 1 1f 2 35 1 7 1 1 3 3 1 7 3 4 2 6 4 d 5 3 1 7 74 1 d 1 10 d 65 1 4 1 ",
    "2 a 1 1 2 6 6 1 1 1 1 1 1 10 2 4 5 5 4 1 11 29 a77 e5 6 4 3 2 c 26 1 1 5 1 2 38 7 1 10 17 ",
    "9 7 1 7 1 7 1 7 1 7 1 7 1 7 1 7 226 3 19 9 7 5 2 5 4 56 6 3 1 5a 1 4 5 2b 1 5e 11 20 30 ",
    "10 200 19c0 40 568d 43 2e 2 10d 3 10 a 2 14 2f 10 1f 2 50 27 9 2 67 2 40 5 2 1 1 1 5 18 ",
    "10 1 3 1 4 1 17 1d 34 e 32 3e 6 3 1 1 2 b 1c a 17 19 1d 7 2f 1c 1 10 5 1 a a 5 1 29 17 3 ",
    "1 8 14 17 3 1 3 32 1 1 3 2 2 5 2 1 1 1 18 3 2 b 7 3 c 6 2 6 2 6 9 7 1 7 1 2b 1 e 6 73 1d ",
    "2ba4 c 17 4 31 2104 16e 2 6a 26 7 c 5 5 1 1 a 1 d 1 5 1 1 1 2 1 2 1 6c 21 8b 6 da 12 40 2 ",
    "36 28 a 77 1 1 1 3 1 1 1 1 1 1 1 1 7e 24 1a 6 1a b 38 2 1f 3 6 2 6 2 6 2 3 23 c 1 1a 1 13 ",
    "1 2 1 f 2 e 22 7b 45 35 10b 1d 3 31 2f 20 d 1e 5 26 a 1e 2 24 4 8 1 5 2a 9e 12 24 4 24 4 ",
    "28 8 34 c b 1 f 1 7 1 2 1 b 1 f 1 7 1 2 43 137 9 16 a 8 18 6 1 2a 1 9 45 6 2 1 1 2c 1 2 3 ",
    "1 2 17 a 17 9 1f 41 13 1 2 a 16 a 1a 46 38 6 2 40 1 f 4 1 3 1 1d 2a 1d 3 1d 23 8 1 1c 1b ",
    "36 a 16 a 13 d 12 6e 49 37 33 d 33 d 24 15c 2a 6 2 4e 1d a 1 8 16 2a 12 2e 15 1b 17 c 35 ",
    "39 2 2 1 d 2d 20 19 1a 24 1d 1 2 1 8 23 3 1 c 30 e 4 15 1 1 1 23 12 1 19 54 7 1 1 1 4 1 f ",
    "1 a 7 2f 26 8 2 2 2 16 1 7 1 2 1 5 3 1 12 1 c 5 9e 35 12 4 14 3 1e 30 14 2 1 1 b8 2f 29 4 ",
    "24 30 14 1 3b 2b d 1 47 1b 25 7 b9 2c 74 40 1f 8 2 1 2 8 1 2 1 18 f 1 1 1 5e 8 2 27 10 1 ",
    "1 1 1c 1 a 28 7 1 15 1 b 2e 13 1 12 49 107 9 1 25 11 1 31 1e 70 7 1 2 1 26 15 1 19 6 1 2 ",
    "1 20 e 1 147 13 bd 1 4f 39a 66 6f 11 c4 a4c 61 f 42f fd1 247 21b9 239 7 1f 11 4f 11 1e 12 ",
    "30 10 4 1f 15 5 13 2b0 40 80 4b 5 1 42 d 40 2 1 1 1c 17f8 8 4d6 2a 9 22e7 4 1 7 1 2 1 123 ",
    "2d 3 11 4 8 18c 904 6b 5 d 3 9 7 a 1766 55 1 47 1 2 2 1 2 2 2 4 1 c 1 1 1 7 1 41 1 4 2 8 ",
    "1 7 1 1c 1 4 1 5 1 1 3 7 1 154 2 19 1 19 1 1f 1 19 1 1f 1 19 1 1f 1 19 1 1f 1 19 1 8 734 ",
    "1f 1e1 2d a 7 10 1 141 1e 12 2c 4f4 7 1 4 1 2 1 f 1 c5 3b 44 7 1 4b4 4 1 1b 1 2 1 1 2 1 1 ",
    "a 1 4 1 1 1 1 6 1 4 1 1 1 1 1 1 3 1 2 1 1 2 1 1 1 1 1 1 1 1 1 1 2 1 1 2 4 1 7 1 4 1 4 1 1 ",
    "1 a 1 11 5 3 1 5 1 11 1144 a6e0 20 1039 7 de 2 1682 e 1d31 c1f 21e 5e2 134b"
);

/// Range boundaries (hex deltas) of: ('a' + chr(c)).isidentifier().
const T_ID_CONTINUE: &str = concat!(
    "30 a 7 1a 4 1 1 1a 2f 1 a 1 1 1 2 1 5 17 1 1f 1 1ca 4 c e 5 7 1 1 1 11 75 1 2 3 3 1 1 6 5 ",
    "1 1 1 14 1 53 1 8b 1 5 2 a6 1 26 2 1 6 29 8 2d 1 1 1 2 1 2 1 1 8 1b 4 4 1d b 5 4a 4 66 1 ",
    "8 2 a 1 13 2 1 10 3b 2 65 e 36 4 1 2 1 2 2e 12 1c 4 b 5 18 1 6 9 4a 1 81 2 a 1 13 1 8 2 2 ",
    "2 16 1 7 1 1 3 4 2 9 2 2 2 4 8 1 4 2 1 5 2 c a 1 1 1 2 3 1 6 4 2 2 16 1 7 1 2 1 2 1 2 2 1 ",
    "1 5 4 2 2 3 3 1 7 4 1 1 7 10 b 3 1 9 1 3 1 16 1 7 1 2 1 5 2 a 1 3 1 3 2 1 f 4 2 a 9 7 1 3 ",
    "1 8 2 2 2 16 1 7 1 2 1 5 2 9 2 2 2 3 7 3 4 2 1 5 2 a 1 1 10 2 1 6 3 3 1 4 3 2 1 1 1 2 3 2 ",
    "3 3 3 c 4 5 3 3 1 4 2 1 6 1 e a 10 d 1 3 1 17 1 10 2 9 1 3 1 4 7 2 1 3 2 1 2 4 2 a 10 4 1 ",
    "8 1 3 1 17 1 a 1 5 2 9 1 3 1 4 7 2 6 2 1 4 2 a 1 2 d d 1 3 1 33 1 3 1 5 5 4 7 5 2 a a 6 1 ",
    "3 1 12 3 18 1 9 1 1 2 7 3 1 4 6 1 1 1 8 6 a 2 2 d 3a 5 f 1 a 27 2 1 1 1 5 1 18 1 1 1 17 2 ",
    "5 1 1 1 6 2 a 2 4 20 1 17 2 6 a b 1 1 1 1 1 4 a 1 24 4 14 1 12 1 24 9 1 39 4a 6 4e 2 26 1 ",
    "1 5 1 2 2b 1 14d 1 4 2 7 1 1 1 4 2 29 1 4 2 21 1 4 2 7 1 1 1 4 2 f 1 39 1 4 2 43 2 3 9 9 ",
    "e 10 10 56 2 6 3 26c 2 11 1 1a 5 4b 3 b 7 16 9 16 b 14 c d 1 3 1 2 c 54 3 1 4 2 2 a 21 3 ",
    "1 b 6 59 7 2b 5 46 a 1f 1 c 4 c a 28 2 5 b 2c 4 1a 6 b 25 1c 4 3f 1 1d 2 b 6 a d 1 8 e 1 ",
    "10 31 4d 3 a 11 9 c 74 c 38 8 a 3 31 2 9 7 2b 2 3 10 3 1 27 5 216 2 6 2 26 2 6 2 8 1 1 1 ",
    "1 1 1 1 1f 2 35 1 7 1 1 3 3 1 7 3 4 2 6 4 d 5 3 1 7 42 2 13 1 1c 1 d 1 10 d 33 d 4 1 3 c ",
    "11 1 4 1 2 a 1 1 2 6 6 1 1 1 1 1 1 10 2 4 5 5 4 1 11 29 a77 e5 6 9 c 26 1 1 5 1 2 38 7 1 ",
    "f 18 9 7 1 7 1 7 1 7 1 7 1 7 1 7 1 7 1 20 205 3 19 f 1 5 2 5 4 56 2 2 2 3 1 5a 1 4 5 2b 1 ",
    "5e 11 20 30 10 200 19c0 40 568d 43 2e 2 10d 3 1c 14 30 4 a 1 73 25 9 2 67 2 40 5 2 1 1 1 ",
    "5 18 36 4 1 13 34 c 46 a a 6 18 3 1 1 31 2 24 c 1d 3 41 e b 6 1f 1 37 9 e 2 a 6 17 3 49 ",
    "18 3 2 10 2 5 a 6 2 6 2 6 9 7 1 7 1 2b 1 e 6 7b 1 2 2 a 6 2ba4 c 17 4 31 2104 16e 2 6a 26 ",
    "7 c 5 5 c 1 d 1 5 1 1 1 2 1 2 1 6c 21 8b 6 da 12 40 2 36 28 a 6 10 10 10 3 2 18 3 21 1 1 ",
    "1 3 1 1 1 1 1 1 1 1 7e 13 a 7 1a 4 1 1 1a b 59 3 6 2 6 2 6 2 3 23 c 1 1a 1 13 1 2 1 f 2 e ",
    "22 7b 45 35 88 1 82 1d 3 31 f 1 1f 20 d 1e 5 2b 5 1e 2 24 4 8 1 5 2a 9e 2 a 6 24 4 24 4 ",
    "28 8 34 c b 1 f 1 7 1 2 1 b 1 f 1 7 1 2 43 137 9 16 a 8 18 6 1 2a 1 9 45 6 2 1 1 2c 1 2 3 ",
    "1 2 17 a 17 9 1f 41 13 1 2 a 16 a 1a 46 38 6 2 40 4 1 2 5 8 1 3 1 1d 2 3 4 1 20 1d 3 1d ",
    "23 8 1 1e 19 36 a 16 a 13 d 12 6e 49 37 33 d 33 d 28 8 a 146 2a 1 2 3 2 4e 1d a 1 8 21 1f ",
    "16 2a 15 1b 17 9 47 1f 10 9 3c 7 1 d 19 7 a 6 35 1 a 4 4 8 24 2 1 9 45 4 4 1 d 1 1 23 12 ",
    "1 25 6 1 41 7 1 1 1 4 1 f 1 a 7 3b 5 a 6 4 1 8 2 2 2 16 1 7 1 2 1 5 1 a 2 2 2 3 2 1 6 1 5 ",
    "7 2 7 3 5 8b 4b 5 a 4 4 1e 46 1 1 8 a a6 36 2 9 17 6 22 41 3 1 b a 26 39 7 a 36 1b 2 f 4 ",
    "a 6 7 b9 3b 65 4a 15 8 2 1 2 8 1 2 1 1e 1 2 2 9 c a 46 8 2 2e 2 8 1 2 1b 3f 8 1 8 4a 3 1 ",
    "12 49 107 9 1 2d 1 9 f a 18 1e 2 16 1 e 49 7 1 2 1 2c 3 1 1 2 1 9 8 a 6 6 1 2 1 25 1 2 1 ",
    "6 7 a 136 17 b9 1 4f 39a 66 6f 11 c4 a4c 61 f 42f fd1 247 21b9 239 7 1f 1 a 6 4f 1 a 6 1e ",
    "2 5 b 37 9 4 c a 9 15 5 13 2b0 40 80 4b 4 39 7 11 40 2 1 2 b 2 e 17f8 8 4d6 2a 9 22e7 4 1 ",
    "7 1 2 1 123 2d 3 11 4 8 18c 904 6b 5 d 3 9 7 a 3 2 1261 2e 2 17 21e 5 3 6 8 8 2 7 1e 4 94 ",
    "3 1bb 55 1 47 1 2 2 1 2 2 2 4 1 c 1 1 1 7 1 41 1 4 2 8 1 7 1 1c 1 4 1 5 1 1 3 7 1 154 2 ",
    "19 1 19 1 1f 1 19 1 1f 1 19 1 1f 1 19 1 1f 1 19 1 8 2 32 200 37 4 32 8 1 e 1 16 5 1 f 450 ",
    "1f e1 7 1 11 2 7 1 2 1 5 d5 2d 3 e 2 a 4 1 141 1f 11 3a 4e6 7 1 4 1 2 1 f 1 c5 b 7 29 4c ",
    "4 a 4a6 4 1 1b 1 2 1 1 2 1 1 a 1 4 1 1 1 1 6 1 4 1 1 1 1 1 1 3 1 2 1 1 2 1 1 1 1 1 1 1 1 ",
    "1 1 2 1 1 2 4 1 7 1 4 1 4 1 1 1 a 1 11 5 3 1 5 1 11 d34 a 406 a6e0 20 1039 7 de 2 1682 e ",
    "1d31 c1f 21e 5e2 134b aedb5 f0"
);

/// Range boundaries (hex deltas) of: str.isprintable().
const T_PRINTABLE: &str = concat!(
    "20 5f 22 c 1 2ca 2 6 4 7 1 1 1 14 1 18d 1 26 2 32 2 3 1 37 8 1b 4 6 11 16 1 c0 1 30 2 3b ",
    "2 65 e 3b 2 31 2 f 1 1c 2 1 1 b 5 1f 9 4a 1 a1 1 8 2 2 2 16 1 7 1 1 3 4 2 9 2 2 2 4 8 1 4 ",
    "2 1 5 2 19 2 3 1 6 4 2 2 16 1 7 1 2 1 2 1 2 2 1 1 5 4 2 2 3 3 1 7 4 1 1 7 11 a 3 1 9 1 3 ",
    "1 16 1 7 1 2 1 5 2 a 1 3 1 3 2 1 f 4 2 c 7 7 1 3 1 8 2 2 2 16 1 7 1 2 1 5 2 9 2 2 2 3 7 3 ",
    "4 2 1 5 2 12 a 2 1 6 3 3 1 4 3 2 1 1 1 2 3 2 3 3 3 c 4 5 3 3 1 4 2 1 6 1 e 15 5 d 1 3 1 ",
    "17 1 10 2 9 1 3 1 4 7 2 1 3 2 1 2 4 2 a 7 16 1 3 1 17 1 a 1 5 2 9 1 3 1 4 7 2 6 2 1 4 2 a ",
    "1 2 d d 1 3 1 33 1 3 1 6 4 10 2 1a 1 3 1 12 3 18 1 9 1 1 2 7 3 1 4 6 1 1 1 8 6 a 2 3 c 3a ",
    "4 1d 25 2 1 1 1 5 1 18 1 1 1 17 2 5 1 1 1 6 2 a 2 4 20 48 1 24 4 27 1 24 1 f 1 d 25 c6 1 ",
    "1 5 1 2 179 1 4 2 7 1 1 1 4 2 29 1 4 2 21 1 4 2 7 1 1 1 4 2 f 1 39 1 4 2 43 2 20 3 1a 6 ",
    "56 2 6 2 280 1 1c 3 59 7 16 9 18 9 14 c d 1 3 1 2 c 5e 2 a 6 a 6 e 1 b 6 59 7 2b 5 46 a ",
    "1f 1 c 4 c 4 1 3 2a 2 5 b 2c 4 1a 6 b 3 3e 2 41 1 1d 2 b 6 a 6 e 2 1f 31 4d 3 2f 1 74 8 ",
    "3c 3 f 3 3c 7 2b 2 b 8 2b 5 216 2 6 2 26 2 6 2 8 1 1 1 1 1 1 1 1f 2 35 1 f 1 e 2 6 1 13 2 ",
    "3 1 9 11 18 8 2f 11 2 2 1b 1 d 3 21 f 21 f 8c 4 297 19 b 15 714 2 20 1 15d 5 2d 1 1 5 1 2 ",
    "38 7 2 e 18 9 7 1 7 1 7 1 7 1 7 1 7 1 7 1 7 1 7e 22 1a 1 59 c d6 1a c 5 3f 1 56 2 67 5 2b ",
    "1 5e 1 54 c 2f 1 726d 3 37 9 15c 14 b8 8 cb 5 2 1 1 1 5 18 3b 3 a 6 38 8 46 8 c 6 74 b 1e ",
    "3 4e 1 b 4 21 1 37 9 e 2 a 2 67 18 1c a 6 2 6 2 6 9 7 1 7 1 3c 4 7e 2 a 6 2ba4 c 17 4 31 ",
    "2104 16e 2 6a 26 7 c 5 5 1a 1 5 1 1 1 2 1 2 1 7d 10 1bd 2 36 7 1 20 2a 6 33 1 13 1 4 4 5 ",
    "1 87 4 be 3 6 2 6 2 6 2 3 3 7 1 7 d 2 2 c 1 1a 1 13 1 2 1 f 2 e 22 7b 5 3 4 2d 3 58 1 d 3 ",
    "1 2f 2e 82 1d 3 31 f 1c 4 24 9 1e 5 2b 5 1e 1 25 4 e 2a 9e 2 a 6 24 4 24 4 28 8 34 b c 1 ",
    "f 1 7 1 2 1 b 1 f 1 7 1 2 43 137 9 16 a 8 18 6 1 2a 1 9 45 6 2 1 1 2c 1 2 3 1 2 17 1 48 8 ",
    "9 30 13 1 2 5 21 3 1b 5 1 40 38 4 14 2 32 1 2 5 8 1 3 1 1d 2 3 4 a 7 9 7 40 20 27 4 c 9 ",
    "36 3 1d 2 1b 5 1a 7 4 c 7 50 49 37 33 d 33 7 2e 8 a 126 1f 1 2a 1 3 2 2 4e 28 8 2a 16 1a ",
    "26 1c 14 17 9 4e 4 24 9 3e 1 5 d 19 7 a 6 35 1 12 8 27 9 60 1 14 b 12 1 2c 41 7 1 1 1 4 1 ",
    "f 1 b 6 3b 5 a 6 4 1 8 2 2 2 16 1 7 1 2 1 5 1 a 2 2 2 3 2 1 6 1 5 7 2 7 3 5 8b 5c 1 5 1e ",
    "48 8 a a6 36 2 26 22 45 b a 6 d 13 3a 6 a 36 1b 2 f 4 17 b9 3c 64 53 c 8 2 1 2 8 1 2 1 1e ",
    "1 2 2 c 9 a 46 8 2 2e 2 b 1b 48 8 53 d 49 107 9 1 2d 1 e a 1d 3 20 2 16 1 e 49 7 1 2 1 2c ",
    "3 1 1 2 1 9 8 a 6 6 1 2 1 25 1 2 1 6 7 a 136 19 b7 1 f 32 d 39b 66 6f 1 5 b c4 a4c 63 d ",
    "42f fd1 247 21b9 239 7 1f 1 a 4 51 1 a 6 1e 2 6 a 46 a a 1 7 1 15 5 13 2b0 5b 65 4b 4 39 ",
    "7 11 40 5 b 2 e 17f8 8 4d6 2a 9 22e7 4 1 7 1 2 1 123 2d 3 11 4 8 18c 904 6b 5 d 3 9 7 a 2 ",
    "4 1260 2e 2 17 9 74 3c f6 a 27 2 4a 8 70 15 46 9a 14 c 57 9 19 87 55 1 47 1 2 2 1 2 2 2 4 ",
    "1 c 1 1 1 7 1 41 1 4 2 8 1 7 1 1c 1 4 1 5 1 1 3 7 1 154 2 124 2 2be f 5 1 f 450 1f e1 7 1 ",
    "11 2 7 1 2 1 5 d5 2d 3 e 2 a 4 2 140 1f 11 3a 5 1 4e0 7 1 4 1 2 1 f 1 c5 2 10 29 4c 4 a 4 ",
    "2 311 44 4c 3d c2 4 1 1b 1 2 1 1 2 1 1 a 1 4 1 1 1 1 6 1 4 1 1 1 1 1 1 3 1 2 1 1 2 1 1 1 ",
    "1 1 1 1 1 1 1 2 1 1 2 4 1 7 1 4 1 4 1 1 1 a 1 11 5 3 1 5 1 11 34 2 10e 2c 4 64 c f 2 f 1 ",
    "f 1 25 a ae 38 1d d 2c 4 9 7 2 e 6 9a 3d8 5 10 3 d 3 74 c 59 7 c 4 1 f c 4 38 8 a 6 28 8 ",
    "1e 2 2 4e 154 c e 2 5 3 5 3 7 9 1d 3 b 5 6 a a 6 8 8 7 9 93 1 37 25 a 406 a6e0 20 1039 7 ",
    "de 2 1682 e 1d31 c1f 21e 5e2 134b aedb5 f0"
);

/// Range boundaries (hex deltas) of: _sre.unicode_iscased().
const T_CASED: &str = concat!(
    "41 1a 6 1a 3a 1 a 17 1 1f 1 40 1 54 1 d 1 e 2 e 2 2 1 1 4 5d 1 12 6 1b 1 2 1 1 1 2 3 2 1 ",
    "1 1 2 1 5 2 1 1 2 2 1 7 1 2 1 1 2 3 6 5 1 a 2 a6 1 2a 4 2 2 3 3 1 1 6 1 1 3 1 1 1 14 1 2f ",
    "3 21 1 5 1 85 8 a6 1 26 a 27 b18 26 1 1 5 1 2 2b 2 3 2a0 56 2 6 882 9 7 2b 2 3 b9 1 3 1 ",
    "10 1 71 9c 2 1 1 76 2 6 2 26 2 6 2 8 1 1 1 1 1 1 1 1f 2 35 1 7 1 1 3 3 1 7 3 4 2 6 4 d 5 ",
    "3 1 7 129 1 3 2 6 1 1b 1 11 20 3 2 331 34 716 71 1 2 1 2 7 66 7 4 3 2 c 26 1 1 5 1 7912 ",
    "2e 12 1c 86 e 2 3e 9 f 3 3 2 5 1 19 1 1b 5 2 4 4 1b 2 35c 1 1c 50 4f40 7 c 5 409 1a 6 1a ",
    "4a5 50 60 24 4 24 74 b 1 f 1 7 1 2 1 b 1 f 1 7 1 2 6c3 33 d 33 bad 40 5560 40 7a80 44"
);

/// Case runs (start delta, count, stride, mapping delta) of _sre.unicode_tolower().
const T_LOWER: &str = concat!(
    "41 1a 1 20 7f 17 1 20 18 7 1 20 28 18 2 1 30 1 1 -c7 2 3 2 1 7 8 2 1 11 17 2 1 2e 1 1 -79 ",
    "1 3 2 1 8 1 1 d2 1 2 2 1 4 1 1 ce 1 1 1 1 2 2 1 cd 2 1 1 1 3 1 1 4f 1 1 1 ca 1 1 1 cb 1 1 ",
    "1 1 2 1 1 cd 1 1 1 cf 2 1 1 d3 1 1 1 d1 1 1 1 1 4 1 1 d3 1 1 1 d5 2 1 1 d6 1 3 2 1 6 1 1 ",
    "da 1 1 1 1 2 1 1 da 3 1 1 1 2 1 1 da 1 1 1 1 2 2 1 d9 2 2 2 1 4 1 1 db 1 1 1 1 4 1 1 1 8 ",
    "1 1 2 1 1 1 1 2 1 1 2 1 1 1 1 2 1 1 2 1 9 2 1 13 9 2 1 13 1 1 2 1 2 2 1 4 1 1 -61 1 1 1 ",
    "-38 1 14 2 1 28 1 1 -82 2 9 2 1 18 1 1 2a2b 1 1 1 1 2 1 1 -a3 1 1 1 2a28 3 1 1 1 2 1 1 ",
    "-c3 1 1 1 45 1 1 1 47 1 5 2 1 12a 2 2 1 6 1 1 1 9 1 1 74 7 1 1 26 2 3 1 25 4 1 1 40 2 2 1 ",
    "3f 3 11 1 20 12 9 1 20 2c 1 1 8 9 c 2 1 1c 1 1 -3c 3 1 1 1 2 1 1 -7 1 1 1 1 3 3 1 -82 3 ",
    "10 1 50 10 20 1 20 50 11 2 1 2a 1b 2 1 36 1 1 f 1 7 2 1 f 30 2 1 61 26 1 30 b6f 26 1 1c60 ",
    "27 1 1 1c60 6 1 1 1c60 2d3 50 1 97d0 50 6 1 8 8a0 2b 1 -bc0 2d 3 1 -bc0 143 4b 2 1 9e 1 1 ",
    "-1dbf 2 30 2 1 68 8 1 -8 10 6 1 -8 10 8 1 -8 10 8 1 -8 10 6 1 -8 11 4 2 -8 f 8 1 -8 20 8 ",
    "1 -8 10 8 1 -8 10 8 1 -8 10 2 1 -8 2 2 1 -4a 2 1 1 -9 c 4 1 -56 4 1 1 -9 c 2 1 -8 2 2 1 ",
    "-64 e 2 1 -8 2 2 1 -70 2 1 1 -7 c 2 1 -80 2 2 1 -7e 2 1 1 -9 12a 1 1 -1d5d 4 1 1 -20bf 1 ",
    "1 1 -2046 7 1 1 1c 2e 10 1 10 23 1 1 1 333 1a 1 1a 74a 30 1 30 60 1 1 1 2 1 1 -29f7 1 1 1 ",
    "-ee6 1 1 1 -29e7 3 3 2 1 6 1 1 -2a1c 1 1 1 -29fd 1 1 1 -2a1f 1 1 1 -2a1e 2 1 1 1 3 1 1 1 ",
    "9 2 1 -2a3f 2 32 2 1 6b 2 2 1 7 1 1 1 794e 17 2 1 40 e 2 1 a2 7 2 1 10 1f 2 1 47 2 2 1 4 ",
    "1 1 -8a04 1 5 2 1 d 1 1 1 2 1 1 -a528 3 2 2 1 6 a 2 1 14 1 1 -a544 1 1 1 -a54f 1 1 1 ",
    "-a54b 1 1 1 -a541 1 1 1 -a544 2 1 1 -a512 1 1 1 -a52a 1 1 1 -a515 1 1 1 3a0 1 8 2 1 10 1 ",
    "1 -30 1 1 1 -a543 1 1 1 -8a38 1 2 2 1 9 1 1 1 6 2 2 1 1f 1 1 1 572c 1a 1 20 4df 28 1 28 ",
    "b0 24 1 28 c0 b 1 27 c f 1 27 10 7 1 27 8 2 1 27 6ec 33 1 40 c20 20 1 20 55a0 20 1 20 ",
    "7ac0 22 1 22"
);

/// Case runs of the simple upper mapping used by sre (first char of str.upper()).
const T_UPPER: &str = concat!(
    "61 1a 1 -20 54 1 1 2e7 2a 1 1 -8c 1 17 1 -20 18 7 1 -20 7 1 1 79 2 18 2 -1 30 1 1 -e8 2 3 ",
    "2 -1 7 8 2 -1 f 1 1 173 2 17 2 -1 2f 3 2 -1 5 1 1 -12c 1 1 1 c3 3 2 2 -1 5 1 1 -1 4 1 1 ",
    "-1 6 1 1 -1 3 1 1 61 4 1 1 -1 1 1 1 a3 4 1 1 82 3 3 2 -1 7 1 1 -1 5 1 1 -1 3 1 1 -1 4 2 2 ",
    "-1 5 1 1 -1 4 1 1 -1 2 1 1 38 6 1 1 -1 1 1 1 -2 2 1 1 -1 1 1 1 -2 2 1 1 -1 1 1 1 -2 2 8 2 ",
    "-1 f 1 1 -4f 2 9 2 -1 11 1 1 -1a6 2 1 1 -1 1 1 1 -2 2 1 1 -1 4 14 2 -1 2a 9 2 -1 19 1 1 ",
    "-1 3 2 1 2a3f 3 1 1 -1 5 5 2 -1 9 1 1 2a1f 1 1 1 2a1c 1 1 1 2a1e 1 1 1 -d2 1 1 1 -ce 2 2 ",
    "1 -cd 3 1 1 -ca 2 1 1 -cb 1 1 1 a54f 4 1 1 -cd 1 1 1 a54b 2 1 1 -cf 2 1 1 a528 1 1 1 a544 ",
    "2 1 1 -d1 1 1 1 -d3 1 1 1 a544 1 1 1 29f7 1 1 1 a541 3 1 1 -d3 2 1 1 29fd 1 1 1 -d5 3 1 1 ",
    "-d6 8 1 1 29e7 3 1 1 -da 2 1 1 a543 1 1 1 -da 4 1 1 a52a 1 1 1 -da 1 1 1 -45 1 2 1 -d9 2 ",
    "1 1 -47 6 1 1 -db b 1 1 a515 1 1 1 a512 a7 1 1 54 2c 2 2 -1 6 1 1 -1 4 3 1 82 15 1 1 9 1c ",
    "1 1 -26 1 3 1 -25 3 1 1 -b 1 11 1 -20 11 1 1 -1f 1 9 1 -20 9 1 1 -40 1 2 1 -3f 3 1 1 -3e ",
    "1 1 1 -39 4 1 1 -2f 1 1 1 -36 1 1 1 -8 2 c 2 -1 17 1 1 -56 1 1 1 -50 1 1 1 7 1 1 1 -74 2 ",
    "1 1 -60 3 1 1 -1 3 1 1 -1 35 20 1 -20 20 10 1 -50 11 11 2 -1 2a 1b 2 -1 37 7 2 -1 d 1 1 ",
    "-f 2 30 2 -1 90 26 1 -30 26 1 1 -52 b49 2b 1 bc0 2d 3 1 bc0 2fb 6 1 -8 888 1 1 -186e 1 1 ",
    "1 -186d 1 1 1 -1864 1 2 1 -1862 2 1 1 -1863 1 1 1 -185c 1 1 1 -1825 1 1 1 89c2 f1 1 1 ",
    "8a04 4 1 1 ee6 11 1 1 8a38 73 4b 2 -1 95 1 1 -1e4e 1 1 1 -1e43 1 1 1 -1e41 1 1 1 -1e40 1 ",
    "1 1 -1e59 1 1 1 -3b 6 30 2 -1 5f 8 1 8 10 6 1 8 10 8 1 8 10 8 1 8 10 6 1 8 10 1 1 -1bab 1 ",
    "1 1 8 1 1 1 -1bad 1 1 1 8 1 1 1 -1baf 1 1 1 8 1 1 1 -1bb1 1 1 1 8 9 8 1 8 10 2 1 4a 2 4 1 ",
    "56 4 2 1 64 2 2 1 80 2 2 1 70 2 2 1 7e 4 8 1 -78 8 8 1 -80 8 8 1 -68 8 8 1 -70 8 8 1 -38 ",
    "8 8 1 -40 8 3 1 8 3 1 1 -1c22 1 1 1 -1c2e 2 1 1 -1c25 1 1 1 -1c26 5 1 1 -1c2b 2 1 1 -1c25 ",
    "4 1 1 8 1 1 1 -1c2c 1 1 1 -1c3b 2 1 1 -1c2f 1 1 1 -1c30 5 1 1 -1c35 4 2 1 8 2 1 1 -1c39 1 ",
    "1 1 -1c3a 3 1 1 -1c3d 1 1 1 -1c3e 9 2 1 8 2 1 1 -1c3d 1 1 1 -1c3e 1 1 1 -1c43 1 1 1 7 1 1 ",
    "1 -1c41 1 1 1 -1c42 b 1 1 8 1 1 1 -1c4a 1 1 1 -1c65 2 1 1 -1c4d 1 1 1 -1c4e 5 1 1 -1c53 ",
    "152 1 1 -1c 22 10 1 -10 14 1 1 -1 34c 1a 1 -1a 760 30 1 -30 31 1 1 -1 4 1 1 -2a2b 1 1 1 ",
    "-2a28 2 3 2 -1 b 1 1 -1 3 1 1 -1 b 32 2 -1 6b 2 2 -1 7 1 1 -1 d 26 1 -1c60 27 1 1 -1c60 6 ",
    "1 1 -1c60 7914 17 2 -1 40 e 2 -1 a2 7 2 -1 10 1f 2 -1 47 2 2 -1 5 5 2 -1 d 1 1 -1 5 2 2 ",
    "-1 3 1 1 30 3 a 2 -1 1e 8 2 -1 13 2 2 -1 9 1 1 -1 6 2 2 -1 1f 1 1 -1 35d 1 1 -3a0 1d 50 1 ",
    "-97d0 4f90 1 1 -faba 1 1 1 -fabb 1 1 1 -fabc 1 1 1 -fabd 1 1 1 -fabe 1 1 1 -fab2 1 1 1 ",
    "-fab3 d 1 1 -f5cf 1 1 1 -f5d0 1 1 1 -f5d1 1 1 1 -f5c8 1 1 1 -f5d3 42a 1a 1 -20 4e7 28 1 ",
    "-28 b0 24 1 -28 bf b 1 -27 c f 1 -27 10 7 1 -27 8 2 1 -27 705 33 1 -40 c00 20 1 -20 55a0 ",
    "20 1 -20 7ac2 22 1 -22"
);

// ------------------------------------------------------------------------------------------
// Generator of the tables above (run with CPython 3.11.7; writes tables.rs):
// ------------------------------------------------------------------------------------------
//
// # Generates the Unicode tables embedded in src/ns/pyre.rs from CPython 3.11.7 (Unicode 14.0.0).
// import _sre, unicodedata, sys
// N = 0x110000
// def bounds(pred):
//     b = []; inside = False
//     for c in range(N + 1):
//         ok = c < N and pred(c)
//         if ok != inside:
//             b.append(c); inside = ok
//     return b
// def enc_bounds(b):
//     out = []; prev = 0
//     for x in b:
//         out.append('%x' % (x - prev)); prev = x
//     return ' '.join(out)
// def runs(mapping):
//     # mapping: dict c -> m (only c != m); returns runs (start, count, stride, delta)
//     items = sorted(mapping.items())
//     res = []; i = 0
//     while i < len(items):
//         c, m = items[i]; d = m - c
//         best = (1, 1)
//         for stride in (1, 2):
//             k = 1
//             while i + k < len(items) and items[i+k][0] == c + k*stride and items[i+k][1] - items[i+k][0] == d:
//                 k += 1
//             if k > best[0]: best = (k, stride)
//         k, stride = best
//         res.append((c, k, stride, d)); i += k
//     return res
// def enc_runs(rs):
//     out = []; prev = 0
//     for (c, k, s, d) in rs:
//         out.append('%x %x %x %s' % (c - prev, k, s, ('-%x' % -d) if d < 0 else ('%x' % d))); prev = c
//     return ' '.join(out)
// def wrap(name, s, doc):
//     lines = []
//     while s:
//         if len(s) <= 90: lines.append(s); break
//         cut = s.rfind(' ', 0, 90); lines.append(s[:cut + 1]); s = s[cut + 1:]
//     if len(lines) == 1:
//         return '/// %s\nconst %s: &str = "%s";\n' % (doc, name, lines[0])
//     return '/// %s\nconst %s: &str = concat!(\n%s\n);\n' % (doc, name, ',\n'.join('    "%s"' % l for l in lines))
// tables = [
//     ('T_DECIMAL', bounds(lambda c: chr(c).isdecimal()), 'str.isdecimal() (Python `\\d`)'),
//     ('T_WORD', bounds(lambda c: chr(c).isalnum() or c == 95), 'str.isalnum() or "_" (Python `\\w`)'),
//     ('T_SPACE', bounds(lambda c: chr(c).isspace()), 'str.isspace() (Python `\\s`)'),
//     ('T_ALPHA', bounds(lambda c: chr(c).isalpha()), 'str.isalpha()'),
//     ('T_ID_START', bounds(lambda c: chr(c).isidentifier()), 'chr(c).isidentifier()'),
//     ('T_ID_CONTINUE', bounds(lambda c: ('a' + chr(c)).isidentifier()), "('a' + chr(c)).isidentifier()"),
//     ('T_PRINTABLE', bounds(lambda c: chr(c).isprintable()), 'str.isprintable()'),
//     ('T_CASED', bounds(lambda c: _sre.unicode_iscased(c)), '_sre.unicode_iscased()'),
// ]
// out = []
// for name, b, doc in tables:
//     out.append(wrap(name, enc_bounds(b), 'Range boundaries (hex deltas) of: ' + doc + '.'))
// lower = {c: _sre.unicode_tolower(c) for c in range(N) if _sre.unicode_tolower(c) != c}
// upper = {}
// for c in range(N):
//     if 0xd800 <= c < 0xe000: continue
//     u = ord(chr(c).upper()[0])
//     if u != c: upper[c] = u
// out.append(wrap('T_LOWER', enc_runs(runs(lower)), 'Case runs (start delta, count, stride, mapping delta) of _sre.unicode_tolower().'))
// out.append(wrap('T_UPPER', enc_runs(runs(upper)), 'Case runs of the simple upper mapping used by sre (first char of str.upper()).'))
// # sanity: decimal digit values
// for c in range(N):
//     if chr(c).isdecimal():
//         pass
// b = tables[0][1]
// for i in range(0, len(b), 2):
//     for c in range(b[i], b[i+1]):
//         assert unicodedata.decimal(chr(c)) == (c - b[i]) % 10, hex(c)
// print(len(lower), len(runs(lower)), len(upper), len(runs(upper)), file=sys.stderr)
// open('tables.rs', 'w').write('\n'.join(out))

#[cfg(test)]
mod tests {
    use super::test_data::{ERROR_DATA, MATCH_DATA};
    use super::*;

    fn unescape(s: &str) -> String {
        let mut out = String::new();
        let mut it = s.chars();
        while let Some(c) = it.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match it.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some('u') => {
                    let hex: String = it.by_ref().skip(1).take_while(|&c| c != '}').collect();
                    let v = u32::from_str_radix(&hex, 16).expect("hex escape");
                    out.push(char::from_u32(v).expect("valid char"));
                }
                Some(c) => out.push(c),
                None => panic!("dangling backslash in test data"),
            }
        }
        out
    }

    fn rows(data: &str) -> Vec<(String, String, String)> {
        data.lines()
            .filter(|l| !l.is_empty())
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                assert_eq!(f.len(), 3, "bad test data line {l:?}");
                (f[0].to_string(), unescape(f[1]), unescape(f[2]))
            })
            .collect()
    }

    fn m(pattern: &str, subject: &str) -> bool {
        PyRegex::compile(pattern)
            .unwrap_or_else(|e| panic!("{pattern:?} failed to compile: {e}"))
            .is_match_at_start(subject)
    }

    #[test]
    fn python_match_table() {
        let rows = rows(MATCH_DATA);
        assert!(rows.len() > 2000);
        let mut failures = Vec::new();
        let mut cache: HashMap<String, Result<PyRegex, String>> = HashMap::new();
        for (expected, pattern, subject) in &rows {
            let re = cache
                .entry(pattern.clone())
                .or_insert_with(|| PyRegex::compile(pattern));
            match re {
                Ok(re) => {
                    let got = re.is_match_at_start(subject);
                    if got != (expected == "T") {
                        failures.push(format!(
                            "{pattern:?} on {subject:?}: python {expected}, got {got}"
                        ));
                    }
                }
                Err(e) => failures.push(format!("{pattern:?}: compile error {e:?}")),
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn python_error_table() {
        let rows = rows(ERROR_DATA);
        assert!(rows.len() > 250);
        let mut failures = Vec::new();
        for (kind, pattern, text) in &rows {
            let want = match kind.as_str() {
                "re" => PyReErrorKind::ReError,
                "overflow" => PyReErrorKind::OverflowError,
                "value" => PyReErrorKind::ValueError,
                "recursion" => PyReErrorKind::RecursionError,
                "unsupported" => PyReErrorKind::Unsupported,
                other => panic!("unknown kind {other}"),
            };
            match PyRegex::compile_detailed(pattern) {
                Ok(_) => failures.push(format!("{pattern:?}: compiled, python: {kind} {text:?}")),
                Err(e) => {
                    let text_ok = if want == PyReErrorKind::Unsupported {
                        e.message.starts_with("unsupported in labns: ")
                    } else {
                        e.message == *text
                    };
                    if e.kind != want || !text_ok {
                        failures.push(format!(
                            "{pattern:?}: got {:?} {:?}, python: {kind} {text:?}",
                            e.kind, e.message
                        ));
                    }
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn golden_vector_cases() {
        let names = [
            "Pyro.NameServer",
            "test.plain",
            "test.lower",
            "test.uriobj",
            "test.safe",
            "test.meta",
            "test.storage",
            "test.emptymeta",
            "test.alias",
        ];
        let select = |p: &str| -> Vec<&str> {
            let re = PyRegex::compile(p).expect("compiles");
            names
                .iter()
                .copied()
                .filter(|n| re.is_match_at_start(n))
                .collect()
        };
        assert_eq!(select("test\\.(plain|meta)"), ["test.plain", "test.meta"]);
        assert!(select("plain").is_empty());
        assert_eq!(select("test").len(), 8);
        assert_eq!(select("test\\.s"), ["test.safe", "test.storage"]);
        assert_eq!(
            PyRegex::compile("(").err().as_deref(),
            Some("missing ), unterminated subpattern at position 0")
        );
    }

    #[test]
    fn brief_examples() {
        assert!(!m("plain", "test.plain"));
        assert!(m("test", "test.plain"));
        assert!(m("a$", "a\n"));
        assert!(!m("a\\Z", "a\n"));
        assert!(m("\\w", "é"));
        assert!(m("\\d", "٣"));
        assert!(m("\\s", "\u{2003}"));
        assert!(m("(?i)k", "\u{212a}"));
        for (p, e) in [
            ("(", "missing ), unterminated subpattern at position 0"),
            (")", "unbalanced parenthesis at position 0"),
            ("*", "nothing to repeat at position 0"),
            ("a**", "multiple repeat at position 2"),
            ("[a", "unterminated character set at position 0"),
            ("\\q", "bad escape \\q at position 0"),
            ("[z-a]", "bad character range z-a at position 1"),
            ("(?<x", "unknown extension ?<x at position 1"),
            ("(?P<>x)", "missing group name at position 4"),
            ("\\", "bad escape (end of pattern) at position 0"),
            ("a{2,1}", "min repeat greater than max repeat at position 2"),
            ("(?<=a+)", "look-behind requires fixed-width pattern"),
            (
                "a\n(",
                "missing ), unterminated subpattern at position 2 (line 2, column 1)",
            ),
        ] {
            assert_eq!(PyRegex::compile(p).err().as_deref(), Some(e), "{p:?}");
        }
    }

    #[test]
    fn unsupported_and_limits() {
        for p in [
            "(a)\\1",
            "(?P<n>a)(?P=n)",
            "(a)?(?(1)b|c)",
            "(?>a)",
            "a*+",
            "\\N{EM DASH}",
            "(?:a{1000}){1000}",
            "(?:(?:(?:a{100}){100}){100}){100}",
        ] {
            let e = PyRegex::compile_detailed(p).expect_err(p);
            assert_eq!(e.kind, PyReErrorKind::Unsupported, "{p:?}");
            assert!(e.message.starts_with("unsupported in labns: "), "{e:?}");
        }
        let long = "x".repeat(MAX_PATTERN_CHARS + 1);
        let e = PyRegex::compile_detailed(&long).expect_err("too long");
        assert_eq!(e.kind, PyReErrorKind::Unsupported);
        assert!(PyRegex::compile(&"x".repeat(MAX_PATTERN_CHARS)).is_ok());
        // Empty items repeated a huge number of times compile to nothing.
        assert!(m("(?:){4294967294}a", "a"));
        assert!(m("(?:){0,4294967294}a", "a"));
        assert!(m("(?:(?:)*){2000000000}$", ""));
        // Python: OverflowError / ValueError rather than re.error.
        let e = PyRegex::compile_detailed("a{4294967295}").expect_err("overflow");
        assert_eq!(e.kind, PyReErrorKind::OverflowError);
        assert_eq!(e.message, "the repetition number is too large");
        let e = PyRegex::compile_detailed("(?a)(?u)").expect_err("value");
        assert_eq!(e.kind, PyReErrorKind::ValueError);
        assert_eq!(e.message, "ASCII and UNICODE flags are incompatible");
    }

    #[test]
    fn deep_nesting() {
        // Python 3.11 accepts all of these (it fails with RecursionError at about 490).
        let depth = MAX_NESTING - 1;
        for open in ["(", "(?:", "(?=", "(?i:"] {
            let p = format!("{}{}", open.repeat(depth), ")".repeat(depth));
            assert!(m(&p, ""), "{open}");
            let p = format!("{}a{}", open.repeat(depth), ")".repeat(depth));
            assert!(m(&p, "a"), "{open}");
            let p = format!("{}{}", open.repeat(depth + 1), ")".repeat(depth + 1));
            let e = PyRegex::compile_detailed(&p).expect_err("too deep");
            assert_eq!(e.kind, PyReErrorKind::Unsupported);
            assert_eq!(
                e.message,
                "unsupported in labns: groups nested more than 99 deep"
            );
            // Python itself gives up at about 490.
            let n = PYTHON_MAX_NESTING + 1;
            let p = format!("{}{}", open.repeat(n), ")".repeat(n));
            let e = PyRegex::compile_detailed(&p).expect_err("too deep");
            assert_eq!(e.kind, PyReErrorKind::RecursionError);
            assert_eq!(
                e.message,
                "maximum recursion depth exceeded while calling a Python object"
            );
        }
        let p = format!("{}a{}", "(?<=".repeat(depth - 1), ")".repeat(depth - 1));
        assert!(!m(&p, "a"));
        let p = format!("a{}a{}", "(?<=".repeat(depth - 1), ")".repeat(depth - 1));
        assert!(m(&p, "a"));
    }

    #[test]
    fn literal_prefixes() {
        for (p, want) in [
            ("test\\.", Some("test.")),
            ("test\\..*", Some("test.")),
            ("test\\.(plain|meta)", Some("test.")),
            ("test\\.plain|test\\.meta", Some("test.")),
            ("^test", Some("test")),
            ("\\Atest", Some("test")),
            ("(?m)^test", Some("test")),
            ("(test)\\.x", Some("test.x")),
            ("(?:test)+\\.x", Some("test")),
            ("te(?:st)?", Some("te")),
            ("tes*", Some("te")),
            ("test{2}", Some("test")),
            ("a+b", Some("a")),
            ("(?i)test", None),
            ("(?i)1.2", Some("1")),
            ("(?i:a)b", None),
            ("a(?i:b)c", Some("a")),
            ("a|b", None),
            ("a|ab", Some("a")),
            ("", None),
            (".*", None),
            ("[t]est", Some("test")),
            ("a?b", None),
            ("a*", None),
            ("\\btest", None),
            ("(?=x)test", None),
            ("(?x) t e s t \\. ", Some("test.")),
            ("é\\.", Some("é.")),
            ("\\ud800x", None),
        ] {
            let re = PyRegex::compile(p).unwrap_or_else(|e| panic!("{p:?}: {e}"));
            assert_eq!(re.literal_prefix(), want, "{p:?}");
        }
    }

    #[test]
    fn literal_prefix_is_conservative() {
        for (expected, pattern, subject) in rows(MATCH_DATA) {
            let re = PyRegex::compile(&pattern).expect("compiles");
            if let (Some(prefix), "T") = (re.literal_prefix(), expected.as_str()) {
                assert!(
                    subject.starts_with(prefix),
                    "{pattern:?} {subject:?} {prefix:?}"
                );
            }
        }
    }

    #[test]
    fn tables_decode() {
        let t = tables();
        assert!(in_table(&t.decimal, '7' as u32) && in_table(&t.decimal, 0x663));
        assert!(!in_table(&t.decimal, 0xbd));
        assert!(
            in_table(&t.word, '_' as u32) && in_table(&t.word, 0xe9) && !in_table(&t.word, 0x301)
        );
        assert!(
            in_table(&t.space, 0x1c) && in_table(&t.space, 0x3000) && !in_table(&t.space, 0x200b)
        );
        assert_eq!(t.lower.get('A' as u32), 'a' as u32);
        assert_eq!(t.lower.get(0x130), 'i' as u32);
        assert_eq!(t.lower.get(0x212a), 'k' as u32);
        assert_eq!(t.lower.map.len(), 1433);
        assert_eq!(t.upper.get(0xdf), 'S' as u32);
        assert_eq!(decimal_value('\u{667}'), Some(7));
        assert!(is_identifier("é_1") && !is_identifier("1a") && !is_identifier(""));
        assert_eq!(py_repr("a'b"), "\"a'b\"");
        assert_eq!(py_repr("a\u{7}\u{a0}é\\"), "'a\\x07\\xa0é\\\\'");
    }

    /// Tiny deterministic generator (xorshift64*).
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }

        fn below(&mut self, n: usize) -> usize {
            usize::try_from(self.next() % n as u64).unwrap_or(0)
        }
    }

    const TRICKY: &[&str] = &[
        "(?P<name>a(?:b|c)*?)(?P=name)\\1",
        "[^]\\w-\\x41-\\u00ff\\U0001F600]{2,}?$",
        "(?ix)  a # comment\n  b{1,2}+ (?-i:c) (?#x)",
        "(?(1)a|b)(?<=ab)(?<!x{3})(?=y)(?!z)",
        "\\N{LATIN SMALL LETTER A}\\777\\400\\0\\07\\12",
        "(?<=(?P<a>x)(?P=a))(?>abc)a*+b++c?+",
        "x{4294967295}{1,}{,9}{99999999999999999999}",
        "(?(+1)a)( 1 )(?(\u{661})b)(?(1_0)c)",
        "(?P<日本>\\d+)-(?P=日本)|[日-本]+\\b\\B\\A\\Z$^",
        "(?aiLmsux-imsx:a)(?t)(?u)(?a)",
        "[[:alpha:]]--&&~~||",
        "(((((((((a)))))))))\\9\\10\\11",
    ];

    #[test]
    fn no_panic_on_prefixes() {
        let subjects = ["", "a", "ab\n", "é1 x", "\u{10400}"];
        for p in TRICKY {
            let chars: Vec<char> = p.chars().collect();
            for end in 0..=chars.len() {
                let prefix: String = chars[..end].iter().collect();
                for start in 0..end.min(4) {
                    let s: String = chars[start..end].iter().collect();
                    for pat in [&prefix, &s] {
                        if let Ok(re) = PyRegex::compile(pat) {
                            for subject in subjects {
                                re.is_match_at_start(subject);
                            }
                            let _ = re.literal_prefix();
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn no_panic_on_random_patterns() {
        const PIECES: &[&str] = &[
            "a",
            "b",
            "é",
            "K",
            ".",
            "\\",
            "(",
            ")",
            "[",
            "]",
            "{",
            "}",
            "*",
            "+",
            "?",
            "|",
            "^",
            "$",
            "-",
            ",",
            "0",
            "1",
            "9",
            ":",
            "<",
            ">",
            "=",
            "!",
            "#",
            "P",
            "i",
            "x",
            "m",
            "s",
            "a",
            "u",
            "L",
            "\\d",
            "\\w",
            "\\s",
            "\\b",
            "\\B",
            "\\A",
            "\\Z",
            "\\x4",
            "\\u00",
            "\\U0001",
            "\\N{",
            "(?",
            "(?:",
            "(?i)",
            "(?=",
            "(?<=",
            "(?<!",
            "(?!",
            "(?P<n>",
            "(?P=n)",
            "(?(1)",
            "{2,3}",
            "{,}",
            "\n",
            " ",
            "\u{10400}",
            "\u{212a}",
            "ſ",
            "[^",
            "\\1",
            "\\0",
        ];
        let subjects = ["", "a", "aa\n", "Ké ", "ab{2}", "\u{10428}s"];
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut compiled = 0;
        for _ in 0..4000 {
            let n = 1 + rng.below(12);
            let mut p = String::new();
            for _ in 0..n {
                p.push_str(PIECES[rng.below(PIECES.len())]);
            }
            if let Ok(re) = PyRegex::compile(&p) {
                compiled += 1;
                for s in subjects {
                    re.is_match_at_start(s);
                }
                if let Some(prefix) = re.literal_prefix() {
                    for s in subjects {
                        assert!(
                            !re.is_match_at_start(s) || s.starts_with(prefix),
                            "{p:?} {s:?}"
                        );
                    }
                }
            }
        }
        assert!(compiled > 300, "{compiled}");
    }
}

#[cfg(test)]
#[rustfmt::skip]
mod test_data {
/// `(expected re.match result, pattern, subject)`, one per line, tab-separated, escaped.
pub(super) const MATCH_DATA: &str = r##"
T	test	test.plain
T	test	test.meta
T	test	test.lower
T	test	test
F	test	tes
F	test	xtest
F	test	Pyro.NameServer
F	test	
T	test	test.plain\n
F	plain	test.plain
F	plain	test.meta
F	plain	test.lower
F	plain	test
F	plain	tes
F	plain	xtest
F	plain	Pyro.NameServer
F	plain	
F	plain	test.plain\n
T	test\\.	test.plain
T	test\\.	test.meta
T	test\\.	test.lower
F	test\\.	test
F	test\\.	tes
F	test\\.	xtest
F	test\\.	Pyro.NameServer
F	test\\.	
T	test\\.	test.plain\n
T	test\\.(plain|meta)	test.plain
T	test\\.(plain|meta)	test.meta
F	test\\.(plain|meta)	test.lower
F	test\\.(plain|meta)	test
F	test\\.(plain|meta)	tes
F	test\\.(plain|meta)	xtest
F	test\\.(plain|meta)	Pyro.NameServer
F	test\\.(plain|meta)	
T	test\\.(plain|meta)	test.plain\n
T	test\\.s	test.safe
T	test\\.s	test.storage
F	test\\.s	test.plain
T	.*plain	test.plain
F	.*plain	test.meta
F	.*plain	test.lower
F	.*plain	test
F	.*plain	tes
F	.*plain	xtest
F	.*plain	Pyro.NameServer
F	.*plain	
T	.*plain	test.plain\n
F	Pyro\\.	test.plain
F	Pyro\\.	test.meta
F	Pyro\\.	test.lower
F	Pyro\\.	test
F	Pyro\\.	tes
F	Pyro\\.	xtest
T	Pyro\\.	Pyro.NameServer
F	Pyro\\.	
F	Pyro\\.	test.plain\n
T	test\\..*	test.plain
T	test\\..*	test.meta
T	test\\..*	test.lower
F	test\\..*	test
F	test\\..*	tes
F	test\\..*	xtest
F	test\\..*	Pyro.NameServer
F	test\\..*	
T	test\\..*	test.plain\n
T	^test	test.plain
T	^test	test.meta
T	^test	test.lower
T	^test	test
F	^test	tes
F	^test	xtest
F	^test	Pyro.NameServer
F	^test	
T	^test	test.plain\n
T	\\Atest	test.plain
T	\\Atest	test.meta
T	\\Atest	test.lower
T	\\Atest	test
F	\\Atest	tes
F	\\Atest	xtest
F	\\Atest	Pyro.NameServer
F	\\Atest	
T	\\Atest	test.plain\n
T	(?:test)\\.p	test.plain
F	(?:test)\\.p	test.meta
F	(?:test)\\.p	test.lower
F	(?:test)\\.p	test
F	(?:test)\\.p	tes
F	(?:test)\\.p	xtest
F	(?:test)\\.p	Pyro.NameServer
F	(?:test)\\.p	
T	(?:test)\\.p	test.plain\n
T	(test)\\.p	test.plain
F	(test)\\.p	test.meta
F	(test)\\.p	test.lower
F	(test)\\.p	test
F	(test)\\.p	tes
F	(test)\\.p	xtest
F	(test)\\.p	Pyro.NameServer
F	(test)\\.p	
T	(test)\\.p	test.plain\n
T	a$	a
T	a$	a\n
F	a$	a\n\n
F	a$	ab
F	a$	a\nb
F	a$	\na
T	a$\n	a\n
F	a$\n	a\n\n
T	a\\Z	a
F	a\\Z	a\n
T	(?m)a$	a\nb
T	(?m)a$	a
F	(?m)a$	ab
T	(?m)a$	a\n
F	(?m)^b	a\nb
T	(?m)^b	b
F	a\n^b	a\nb
T	(?m)a\n^b	a\nb
T	$	
T	$	\n
F	$	x
F	$	\n\n
T	\\n$	\n
T	\\n$	\n\n
T	a\n$	a\n
T	a\n$	a\n\n
T	a$$	a
T	a$$	a\n
F	a\\Z\n	a\n
T	a$(?:\n)?$	a\n
T	a$(?:\n)?$	a
F	.$	\n
T	.$	a\n
F	.$	ab
T	.*$	abc\n
F	.*$	ab\ncd\n
T	(?s).*$	ab\ncd\n
T	(?s).*$	ab\ncd
T	(?m)x$\n^y$	x\ny
T	(?m)x$\n^y$	x\ny\n
T	[a-c]+$	abc
F	[a-c]+$	abd
F	[a-c]+$	
F	[^a-c]	a
T	[^a-c]	d
T	[^a-c]	\n
T	[]a]	]
T	[]a]	a
F	[]a]	b
F	[^]a]	]
T	[^]a]	b
T	[a-]	-
T	[a-]	a
F	[a-]	b
T	[-a]	-
T	[\\d.]+$	1.2
F	[\\d.]+$	a
T	[\\w-]+$	a-b
F	[\\w-]+$	a b
T	[\\s]	 
T	[\\s]	\u{a0}
F	[\\s]	x
T	[^\\W\\d]	a
F	[^\\W\\d]	1
T	[^\\W\\d]	_
T	[^\\W\\d]	\u{e9}
T	[\\]]	]
T	[a\\-z]	-
F	[a\\-z]	b
T	[\\b]	\u{8}
F	[\\b]	b
T	[.]	.
F	[.]	a
T	[$^]	$
T	[$^]	^
T	[\\x41-\\x43]+$	ABC
F	[\\x41-\\x43]+$	ABD
T	[\\u00e0-\\u00ff]	\u{e9}
F	[\\u00e0-\\u00ff]	e
T	[\u{1f600}-\u{1f64f}]	\u{1f602}
F	[\u{1f600}-\u{1f64f}]	a
T	\\w+$	h\u{e9}llo
T	\\w+$	na\u{ef}ve
T	\\w+$	\u{65e5}\u{672c}\u{8a9e}
T	\\w+$	\u{663}
T	\\w+$	\u{bd}
F	\\w+$	a b
T	\\w+$	_
T	\\w+$	\u{216b}
F	\\w+$	\u{301}
F	\\w+$	a\u{301}
T	\\w+$	\u{b2}
T	\\w+$	\u{1c5}
T	\\w+$	\u{3007}
T	\\d	\u{663}
F	\\d	\u{bd}
F	\\d	\u{b2}
T	\\d	\u{7c0}
T	\\d	\u{1d7d8}
T	\\d	5
F	\\d	a
F	\\d	\u{4e00}
T	\\s	\u{a0}
T	\\s	\u{2003}
T	\\s	\u{1c}
T	\\s	\u{85}
F	\\s	\u{200b}
F	\\s	\u{feff}
T	\\s	\u{3000}
T	\\s	\u{b}
F	\\D	\u{663}
T	\\D	a
F	\\S	\u{a0}
T	\\S	a
F	\\W	\u{e9}
T	\\W	!
T	\\W	\u{301}
F	(?a)\\w	\u{e9}
T	(?a)\\w	a
F	(?a)\\d	\u{663}
T	(?a)\\d	3
F	(?a)\\s	\u{1c}
F	(?a)\\s	\u{85}
T	(?a)\\s	 
T	(?a)\\s	\u{b}
T	(?a)\\W	\u{e9}
F	(?a)[\\w]	\u{e9}
T	(?a:\\w)\\w	a\u{e9}
F	(?a:\\w)\\w	\u{e9}a
T	(?u)\\w	\u{e9}
T	\\bfoo\\b	foo
T	\\bfoo\\b	foo bar
F	\\bfoo\\b	foobar
T	foo\\b	foo
T	foo\\b	foo.
F	foo\\b	foo\u{e9}
F	foo\\b	foo_
T	\u{e9}\\b	\u{e9}
F	\u{e9}\\b	\u{e9}a
T	\u{e9}\\b	\u{e9}.
F	\\b	
T	\\b	a
F	\\b	 
F	\\B	
F	\\B	a
T	\\B	 
F	\\B	ab
T	a\\B	ab
F	a\\B	a
F	a\\B	a 
T	(?a)\u{e9}\\b	\u{e9}a
F	(?a)\u{e9}\\b	\u{e9}
T	(?a)a\\b	a\u{e9}
F	(?a)a\\b	ab
T	\\b\\w+\\b$	word
F	\\b\\w+\\b$	two words
T	.\\B.	ab
F	.\\B.	a 
T	.\\B.	  
T	(?i)test	TEST
T	(?i)test	TeSt
T	(?i)test	tesT.x
F	(?i)stra\u{df}e	STRASSE
T	(?i)stra\u{df}e	STRA\u{df}E
T	(?i)stra\u{df}e	stra\u{1e9e}e
T	(?i)k	K
T	(?i)k	\u{212a}
T	(?i)k	k
T	(?i)\u{212a}	k
T	(?i)\u{212a}	K
T	(?i)s	\u{17f}
T	(?i)s	S
T	(?i)\u{17f}	s
T	(?i)\u{17f}	S
T	(?i)i	I
T	(?i)i	\u{130}
T	(?i)i	\u{131}
T	(?i)\u{130}	i
T	(?i)\u{130}	I
T	(?i)\u{130}	\u{131}
T	(?i)\u{130}	\u{130}
T	(?i)\u{131}	i
T	(?i)\u{131}	I
T	(?i)\u{131}	\u{131}
T	(?i)\u{3c3}	\u{3a3}
T	(?i)\u{3c3}	\u{3c2}
T	(?i)\u{3c2}	\u{3a3}
T	(?i)\u{3c2}	\u{3c3}
F	(?i)[a-z]+$	\u{c0}B
T	(?i)[a-z]+$	K
T	(?i)[a-z]+$	AbC
T	(?i)[a-z]+$	\u{212a}
T	(?i)[a-z]+$	\u{17f}
T	(?i)[\u{e0}-\u{ff}]	\u{c0}
T	(?i)[\u{e0}-\u{ff}]	\u{178}
T	(?i)[\u{e0}-\u{ff}]	\u{de}
F	(?i)[^a]	A
T	(?i)[^a]	b
F	(?i)[^k]	\u{212a}
F	(?i)[^k]	K
F	(?ai)k	\u{212a}
T	(?ai)k	K
T	(?ai)[a-z]	K
F	(?ai)[a-z]	\u{212a}
T	(?i)\u{10400}	\u{10428}
T	(?i)\u{10400}	\u{10400}
F	(?i)[\u{10400}a]	\u{10428}
F	(?i)[\u{10400}a]	\u{10400}
T	(?i)[\u{10400}a]	A
T	(?i)[\u{10400}-\u{10410}]	\u{10428}
T	(?i)[\u{10400}-\u{10410}]	\u{10400}
F	(?i)\u{10400}|a	\u{10428}
F	(?i)\u{10400}|a	\u{10400}
T	(?ai)[\u{10400}-\u{10410}a]	\u{10428}
T	(?i)\u{df}	\u{1e9e}
F	(?i)\u{df}	SS
T	(?i)\u{df}	\u{df}
T	(?i)\u{1e9e}	\u{df}
T	(?i)[\u{df}]	\u{1e9e}
T	(?i)\u{b5}	\u{3bc}
T	(?i)\u{b5}	\u{39c}
T	(?i)\u{b5}	\u{b5}
T	(?i)[\u{b5}x]	\u{39c}
T	(?i:a)b	Ab
F	(?i:a)b	AB
T	a(?i:b)	aB
F	a(?i:b)	AB
T	(?i)a(?-i:b)	Ab
F	(?i)a(?-i:b)	AB
F	(?i)\\w	\u{24b6}
F	(?i)[\\w]	\u{24b6}
F	(?i)[\\w]	\u{24d0}
F	(?i)[a\\w]	\u{24b6}
F	(?i)[^\\W]	\u{24b6}
T	(?i)\u{1c5}	\u{1c4}
T	(?i)\u{1c5}	\u{1c6}
T	(?i)\u{1c5}	\u{1c5}
T	(?i)[\u{1c5}-\u{1c5}]	\u{1c4}
T	(?i)[\u{1c5}-\u{1c5}]	\u{1c6}
T	(?i)\u{3f4}	\u{3b8}
T	(?i)\u{3f4}	\u{3d1}
T	(?i)[\u{100}-\u{17f}]+$	\u{100}\u{101}\u{102}
F	(?i)[\u{100}-\u{17f}]+$	K
F	(?i)[\u{0}-\u{ffff}]	\u{10400}
T	(?i)[^\u{0}-\u{ffff}]	\u{10400}
F	(?i)\u{1e9e}	ss
T	(?i)[k-k]	\u{212a}
F	(?i)[^\u{212a}]	k
F	(?i)[^\u{212a}]	K
T	a|b	a
T	a|b	b
F	a|b	c
T	ab|ac	ab
T	ab|ac	ac
F	ab|ac	ad
T	abc|abd	abd
T	a(b|c)d	abd
T	a(b|c)d	acd
F	a(b|c)d	aed
T	(?:test|prod)\\.	prod.x
F	(?:test|prod)\\.	dev.x
T	|a	
T	|a	b
T	a|	x
T	a|b|	c
T	a*	
T	a*	b
F	a+	
T	a+	a
T	a?b	b
T	a?b	ab
F	a?b	aab
F	a{2}	a
T	a{2}	aa
T	a{2,}$	aaaa
F	a{2,}$	a
T	a{,2}b	aab
F	a{,2}b	aaab
T	a{2,3}$	aa
F	a{2,3}$	aaaa
T	a{0}b	b
F	a{0}b	ab
T	(ab){2}$	abab
F	(ab){2}$	ab
T	a{,}b	aaab
T	a{	a{
T	a{1	a{1
T	a{1,	a{1,
T	a{x}	a{x}
T	a{1,2	a{1,2
T	{	{
T	x{}	x{}
T	a{0,0}$	
F	a{0,0}$	a
T	{1	{1
T	a{ 1}	a{ 1}
T	a{1,2}{	a{
T	a*?$	aaa
T	a+?b	aab
T	a??b	ab
T	a{2,3}?$	aaa
T	(?:ab)*?c	ababc
T	(?s).	\n
F	.	\n
T	.	a
T	(?s:.)x	\nx
T	(?x)a b c	abc
F	(?x)a b c	a b c
T	(?x)a\\ b	a b
T	(?x)a\u{23}comment\nb	ab
T	(?x)[ ]	 
T	(?x)a (?-x: b)	a b
F	(?x)a (?-x: b)	ab
T	(?x: a b )c	abc
T	(?x)a{1, 2}	a{1,2}
F	(?x)a{1, 2}	a
T	(?x)a {2}	aa
T	\\x41	A
T	\\u00e9	\u{e9}
T	\\U0001F600	\u{1f600}
T	\\101	A
T	\\0	\u{0}
T	\\07	\u{7}
T	\\a\\f\\n\\r\\t\\v	\u{7}\u{c}\n\r\t\u{b}
T	\\.	.
F	\\.	a
T	\\-	-
T	\\ 	 
T	\\\u{e9}	\u{e9}
T	\\t+	\t\t
T	\\08	\u{0}8
T	\\1234	S4
T	[\\1]	\u{1}
T	[\\0]	\u{0}
F	\\ud800	\u{d7ff}
F	\\ud800	a
F	[\\ud800-\\udfff]	a
F	[\\ud800-\\udfff]	\u{e000}
T	[^\\ud800]	a
T	a(?=b)	ab
F	a(?=b)	ac
F	a(?!b)	ab
T	a(?!b)	ac
T	a(?!b)	a
F	(?<=a)b	ab
F	(?<=a)b	b
T	x(?<=x)y	xy
T	ab(?<!a)	ab
F	ab(?<!b)	ab
T	(?=.*x)a	abx
F	(?=.*x)a	ab
F	(?!test\\.)\\w+	test.x
T	(?!test\\.)\\w+	prod.x
F	.*(?<!\\.bak)$	a.bak
T	.*(?<!\\.bak)$	a.txt
F	.*(?<!\\.bak)$	a.bak\n
T	(?=(a))a	a
T	(?<!a)b	b
T	(?<=^)a	a
T	a(?=$)	a
T	a(?=$)	a\n
F	a(?=$)	ab
T	(?=a$)	a
T	(?=a$)	a\n
T	\\w+(?<=\\d\\d)$	ab12
F	\\w+(?<=\\d\\d)$	ab1
T	(?=a)*a	a
T	(?!a)*b	b
T	(?:(?=a))+a	a
T	a(?=b(?=c))	abc
F	a(?=b(?=c))	abd
F	(?<=(?<=a)b)c	abc
T	ab(?<=(?<=a)b)c	abc
F	ab(?<=(?<=a)b)c	bbc
T	.(?<=\\b.)	a
F	.(?<=\\b.)	 
T		
T		x
T	()	
T	(?:)*	
T	(a*)*$	aaa
F	(a*)*$	b
T	(a|)*b	aab
T	(?:a?)*?$	aa
T	(?:a*)+$	aa
T	(?:a*|b)*c	abac
T	(?:(?:a{0,2}){0,2}){2}$	aaaaaaaa
F	(?:(?:a{0,2}){0,2}){2}$	aaaaaaaaa
T	(?P<name>a)b	ab
T	(?P<\u{e9}>x)	x
T	(?\u{23}comment)a	a
T	a(?\u{23}x)*	aaa
T	a(?\u{23}x)*	
T	(?:){5}a	a
T	(?:){0,4294967294}a	a
T	(?:a{100}){3}	aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
F	(?:a{100}){3}	aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
T	[a-c]{2,}(?<=[bc]{2})	abbc
F	[a-c]{2,}(?<=[bc]{2})	ab
T	(?:\\d{1,3}\\.){3}\\d{1,3}$	192.168.1.1
F	(?:\\d{1,3}\\.){3}\\d{1,3}$	1.2.3
T	(?i)Test\\.(?-i:X)	TEST.X
F	(?i)Test\\.(?-i:X)	test.x
T	(?i:(?-i:a)b)	aB
F	(?i:(?-i:a)b)	AB
F	(?s)(?-s:.)	\n
F	(?m)(?-m:^)b	\nb
T	(?m:$)\n	\n
T	(?t)abc	abc
F	(?i)(?m)x	
F	(?i)(?m)x	a
F	(?i)(?m)x	ab
T	(?i)(?m)x	x
F	[a-b-c]	
T	[a-b-c]	a
T	[a-b-c]	ab
F	[a-b-c]	x
F	[\\d-]	
F	[\\d-]	a
F	[\\d-]	ab
F	[\\d-]	x
F	[-\\d]	
F	[-\\d]	a
F	[-\\d]	ab
F	[-\\d]	x
F	a{,1	
F	a{,1	a
F	a{,1	ab
F	a{,1	x
F	(?m)_\\A	
F	(?m)_\\A	b 
F	.{2}.1{2}	.
F	.{2}.1{2}	
T	(?x)\\b	abAx1
T	(?x)\\b	\u{e9}x
F	(?x)\\b	\n
F	(?x)\\b	
T	\\w\\s+	\u{e9} 1
T	\\w\\s+	a cK
F	\\w\\s+	cABbK
F	\\w\\s+	B
F	(a{2}[ab]\\.{2})[\\w.](\\D)	\u{e9}cxcb
F	(a{2}[ab]\\.{2})[\\w.](\\D)	
F	1\\.{1,2}	x  
F	1\\.{1,2}	b\u{e9}1
T	(?x)\\.	.\nBx_1
T	(?x)\\.	.K b
F	(?x)\\.	Kkk .
F	(?x)\\.	K
T	(?a)\\w[\u{e9}a-b]	B\u{e9}AB 
T	(?a)\\w[\u{e9}a-b]	b\u{e9}x1_
F	(?a)\\w[\u{e9}a-b]	Ac
F	(?a)\\w[\u{e9}a-b]	
T	(?m)\\A	
T	(?m)\\A	B
T	(?x)\\W[a-c]{1,2}	 c_A\n_
T	(?x)\\W[a-c]{1,2}	.aakx\u{e9}
F	(?x)\\W[a-c]{1,2}	cBk
F	(?x)\\W[a-c]{1,2}	.k
T	[^\\s]\\.[\\w.]*?	1.
F	[^\\s]\\.[\\w.]*?	Bc\n_a
F	[^\\s]\\.[\\w.]*?	_
T	x??x.+	xxk\n
T	x??x.+	xa
F	x??x.+	
F	x??x.+	__AB
F	\\Z[\u{e9}a-b]\\S	KK.
F	\\Z[\u{e9}a-b]\\S	Kkbc\u{e9} 
T	(?i)[\u{e9}a-b]1+?	B1.\n.c
F	(?i)[\u{e9}a-b]1+?	xBa1
F	(?i)[\u{e9}a-b]1+?	\n\n
F	(?s)c+?\u{c9}[\u{e9}a-b]{0,1}	
F	(?s)c+?\u{c9}[\u{e9}a-b]{0,1}	_caK1
T	(?a)([a-c](\\A\\n){,2}\\n)	b\n_ 
F	(?a)([a-c](\\A\\n){,2}\\n)	K_.  B
F	(?a)([a-c](\\A\\n){,2}\\n)	xBA_x
T	(?s)(?-i:[a-c]*$){2,}	
F	(?s)(?-i:[a-c]*$){2,}	_.
F	(?s)(?-i:[a-c]*$){2,}	. k _1
T	(?m)\\Z	
F	(?m)\\Z	a_b1aK
F	(?m)\\Z	x_cbK
F	(?a:\u{e9})\\Z	\nBAbx
F	(?a:\u{e9})\\Z	a \u{e9}_
T	(?m)[ab]\\b	a._\u{e9}1A
T	(?m)[ab]\\b	b
F	(?m)[ab]\\b	xxAb
F	(?m)[ab]\\b	.
F	(?i)(?a: \\s)\\b	
F	(?i)(?a: \\s)\\b	.xx
F	(?i)_{2}\\w	1\na
F	(?i)_{2}\\w	Ac 
F	(?i)1{1,2}[\\w.]\\s(?s:\\Z)	a
F	(?i)1{1,2}[\\w.]\\s(?s:\\Z)	aBKb
F	b{2}[a-c](?:c{2,}(?:\u{e9})\\B)	1 xc
F	b{2}[a-c](?:c{2,}(?:\u{e9})\\B)	BB
T	a	aAa
T	a	a \nk__
F	a	c A
F	a	kAK
F	(?x)x[.\\d]_\\B	Ab
F	(?x)x[.\\d]_\\B	\n\n_ak1
T	[a-c]	a.x_
T	[a-c]	a
F	[a-c]	 \u{e9}\n_xA
F	[a-c]	_\n .
F	(?s)x{2}(?s:(?:\u{c9} ))	K
F	(?s)x{2}(?s:(?:\u{c9} ))	1_c
T	(?a)\\n\\B\\B	\n
F	(?a)\\n\\B\\B	_cA. 
F	(?a)\\n\\B\\B	\u{e9}
T	[^a]	1k
T	[^a]	 B_x
F	[^a]	a
F	[^a]	
T	(?s)K*?c{,2}[^\\s]	Ax_ K 
T	(?s)K*?c{,2}[^\\s]	x
F	(?s)K*?c{,2}[^\\s]	 cBaK_
F	(?s)K*?c{,2}[^\\s]	
T	(?x)K	Kc \n
T	(?x)K	K
F	(?x)K	c xa.1
F	(?x)K	bBxK
T	(?x)[\u{e9}a-b]+?	bxa
T	(?x)[\u{e9}a-b]+?	\u{e9}\u{e9}
F	(?x)[\u{e9}a-b]+?	
F	(?x)[\u{e9}a-b]+?	ka.\u{e9}c_
F	\\B\\Bcc	 b \nc
F	\\B\\Bcc	Bb
T	(?s)c*?((?<![a-c]).(?<!(?a:\\s\u{c9} \\D))\\.)	..c_x
T	(?s)c*?((?<![a-c]).(?<!(?a:\\s\u{c9} \\D))\\.)	K.\u{e9}.
F	(?s)c*?((?<![a-c]).(?<!(?a:\\s\u{c9} \\D))\\.)	.k\u{e9}b1.
F	(?s)c*?((?<![a-c]).(?<!(?a:\\s\u{c9} \\D))\\.)	a\u{e9}k\n\u{e9}
F	(?m)(^(?:\\n??|\\W(?<=[ab])x|\\A))\u{e9}+\u{c9}[ab]	.bb
F	(?m)(^(?:\\n??|\\W(?<=[ab])x|\\A))\u{e9}+\u{c9}[ab]	 1
T	(?a)\\b	1bK
T	(?a)\\b	x_.x\u{e9}
F	(?a)\\b	 a_\n
F	(?a)\\b	
T	(?!\\.)^k{1,2}	k\n\nKx
T	(?!\\.)^k{1,2}	kbbKB
F	(?!\\.)^k{1,2}	\u{e9}k\u{e9}11\n
F	(?!\\.)^k{1,2}	 xABB
T	(?m)((x))	xx
T	(?m)((x))	x
F	(?m)((x))	BbAcc
F	(?m)((x))	b
T	(?x)\\A\\D\\b	_.
T	(?x)\\A\\D\\b	\n_\u{e9}
F	(?x)\\A\\D\\b	_a
F	(?x)\\A\\D\\b	Kkbk
T	(?![^a](?=\\D))[^a]	A
F	(?![^a](?=\\D))[^a]	KAx1
F	(?![^a](?=\\D))[^a]	\n.bx\n
T	(?x)c(?-i:(?<!(?:\\.)c))[\\w.]	c.
T	(?x)c(?-i:(?<!(?:\\.)c))[\\w.]	cK
F	(?x)c(?-i:(?<!(?:\\.)c))[\\w.]	
F	(?x)c(?-i:(?<!(?:\\.)c))[\\w.]	x1aBAB
T	\\A$	
F	\\A$	_ak_
F	\\A$	B\n\u{e9}
T	(?s)K*	1kxKK 
T	(?s)K*	K.
T	\\A	xa
T	\\A	K.b.c1
F	(?m)\\sc	
T	(?s)(?s:[^\\s])(\\Za){,2}.{,2}	cAa\u{e9}
T	(?s)(?s:[^\\s])(\\Za){,2}.{,2}	.B
F	(?s)(?s:[^\\s])(\\Za){,2}.{,2}	 A. x\u{e9}
F	(?s)(?s:[^\\s])(\\Za){,2}.{,2}	
T	(?:[a-c]{,2}(?i:k?_)(?=[^\\W\\d]??a$)??\u{c9}*)	_
T	(?:[a-c]{,2}(?i:k?_)(?=[^\\W\\d]??a$)??\u{c9}*)	_1\u{e9}
F	(?:[a-c]{,2}(?i:k?_)(?=[^\\W\\d]??a$)??\u{c9}*)	xc a
F	(?:[a-c]{,2}(?i:k?_)(?=[^\\W\\d]??a$)??\u{c9}*)	
F	(?m)_?\\W(\\Z(?:[^\\s]))+?[^a]	1b
F	(?m)_?\\W(\\Z(?:[^\\s]))+?[^a]	cK
T	(?a:c([^\\W\\d]{,2}\\D))\\Z	c\u{e9}
T	(?a:c([^\\W\\d]{,2}\\D))\\Z	cx
F	(?a:c([^\\W\\d]{,2}\\D))\\Z	xxx .
F	(?a:c([^\\W\\d]{,2}\\D))\\Z	1_a
F	\\..c[\\w.]	K\n
F	\\..c[\\w.]	cKA .
F	(?i)(\\n[a-c][ab])	1aB
F	(?i)(\\n[a-c][ab])	k\u{e9}
F	\\W1{1,2}	 c 
F	\\W1{1,2}	\u{e9}\u{e9}1\u{e9}B
F	(?x)a((?=.\\A[a-c])\\b\\d)	\u{e9}_
F	(?x)a((?=.\\A[a-c])\\b\\d)	
F	(?a)_^(?:(?<=\\w\\n\\D)\\nx*?)\\w	
F	(?m)(?: {0,1}_ +?(?i:\\A(?<![.\\d]\\w_)b))	1.k\nx\u{e9}
F	(?m)(?: {0,1}_ +?(?i:\\A(?<![.\\d]\\w_)b))	cA\nK. 
T	(?i)[\\w.]	\u{e9}c
T	(?i)[\\w.]	ak
F	(?i)[\\w.]	
F	(?i)[\\w.]	 a..A1
F	(?i) _{1,2}\u{c9}	\u{e9}ckB.
F	(?i) _{1,2}\u{c9}	AB\u{e9}_.
T	[^\\W\\d]	b1.c
T	[^\\W\\d]	A_.
F	[^\\W\\d]	.a.b
F	[^\\W\\d]	
T	(?s)\\W?	1\nBaA
T	(?s)\\W?	xa1
T	_[^a]	_ckaxb
T	_[^a]	_.cxKK
F	_[^a]	cca 
F	_[^a]	a
T	(?a)[ab]	a
T	(?a)[ab]	b
F	(?a)[ab]	A1K.
F	(?a)[ab]	Kb
T	a	a.ab_
T	a	a
F	a	.Kk\u{e9}k
F	a	bA \ncc
F	(?i)\\W\\.(?:(?:(\\w+\u{c9}?)(\u{e9}[^\\W\\d]\\s){,2}))$	\n1x\u{e9}
F	(?i)\\W\\.(?:(?:(\\w+\u{c9}?)(\u{e9}[^\\W\\d]\\s){,2}))$	xx A
F	\\A[^\\W\\d](\\w\\d^c)	Kb
F	\\A[^\\W\\d](\\w\\d^c)	K\u{e9}\n
F	(?s)a*?(?m:(?:\u{c9}(?-i:k_\\s?)))\\w^	BB _\u{e9}
F	(?s)a*?(?m:(?:\u{c9}(?-i:k_\\s?)))\\w^	A\u{e9}a\n.\n
F	(?x)$c(?:[^a][\u{e9}a-b][\\w.]).??	1_c
F	(?x)$c(?:[^a][\u{e9}a-b][\\w.]).??	_Bc
F	 .[\u{e9}a-b]a	_BkK\u{e9}1
F	 .[\u{e9}a-b]a	ca
F	(?a:\\s)\\Dk((?:\\d)\\w)	kKAk_
F	(?a:\\s)\\Dk((?:\\d)\\w)	k
F	(?x)[ab]$\\d	A
F	(?x)[ab]$\\d	
F	a?[\\w.]{0,1}\\.{2}	 \u{e9}___\u{e9}
F	a?[\\w.]{0,1}\\.{2}	1aKB
T	(?x)\\S	xaBaK
T	(?x)\\S	K  k
F	(?x)\\S	
F	(?x)\\S	 KB
F	\\Z1?K.	kBK\u{e9}Kx
F	\\Z1?K.	KakcBx
F	(?s)(?:c[^\\s]\\B\\d){,2}\\d+?1??c	B
F	(?s)(?:c[^\\s]\\B\\d){,2}\\d+?1??c	c\u{e9}\nb
T	a	aB
T	a	a\u{e9}K
F	a	
F	a	\n\u{e9}ca
F	(?a)\\A(b{2}\\Z) c	xkc.1K
F	(?a)\\A(b{2}\\Z) c	.
F	(?x)\\s{2,}\\n+	1b
F	(?x)\\s{2,}\\n+	
T	\\bk	ka
T	\\bk	k\u{e9}
F	\\bk	Ak
F	\\bk	a
T	(?:(.\u{c9}{2,}(\\W{2})[^\\s]{2}){1,2}|\\w)	A\u{e9}\u{e9}
T	(?:(.\u{c9}{2,}(\\W{2})[^\\s]{2}){1,2}|\\w)	c1
F	(?:(.\u{c9}{2,}(\\W{2})[^\\s]{2}){1,2}|\\w)	\nx
F	(?:(.\u{c9}{2,}(\\W{2})[^\\s]{2}){1,2}|\\w)	.
T	(?i)\\D??\\Z	\u{e9}
T	(?i)\\D??\\Z	c
F	(?i)\\D??\\Z	 c_ x
F	(?i)\\D??\\Z	\u{e9}ac
T	(?a)[ab](?![ab])	aKck_
T	(?a)[ab](?![ab])	bAbck
F	(?a)[ab](?![ab])	\na .b\u{e9}
F	(?a)[ab](?![ab])	xA
F	(?s)\\s{2}c*\\d\\w	_1
F	(?s)\\s{2}c*\\d\\w	\n
T	(?m)(?=(?=$)+?)	
F	(?m)(?=(?=$)+?)	.\u{e9}k_A
F	(?m)(?=(?=$)+?)	1
T	(?i)b?	 xx\u{e9}\nB
T	(?i)b?	
T	(?a)_+	_c_
T	(?a)_+	_\u{e9}Aa
F	(?a)_+	\nK.
F	(?a)_+	k_b
F	[^\\s](?x:$[ab]*?){1,2}\\s+?	KB1bc
F	[^\\s](?x:$[ab]*?){1,2}\\s+?	ABK\u{e9}c
T	(?m)\u{e9}??	x
T	(?m)\u{e9}??	
F	(?m)\\d\\Ak1	\u{e9}\u{e9}B x
F	(?m)\\d\\Ak1	.
T	(?:K(?x:[^\\s]+?[^\\s]))	K.1k
T	(?:K(?x:[^\\s]+?[^\\s]))	KkK.B
F	(?:K(?x:[^\\s]+?[^\\s]))	cB
F	(?:K(?x:[^\\s]+?[^\\s]))	\u{e9}bb
T	((\\d+[\\w.])\\b)	11A
F	((\\d+[\\w.])\\b)	a.ak\n\n
F	((\\d+[\\w.])\\b)	bBa
F	1[\u{e9}a-b][ab]((a(?<!\u{c9}\\w\\s\\D)\\b)\\D){1,2}	kKxaK
F	1[\u{e9}a-b][ab]((a(?<!\u{c9}\\w\\s\\D)\\b)\\D){1,2}	1Bk\u{e9} 
T	(?a)[ab]	bcx11
T	(?a)[ab]	ax.
F	(?a)[ab]	\n
F	(?a)[ab]	\u{e9}BAx
T	(?a)\\s?(?a:\\d\\n(?:[\\w.])){0,1}\\s\\W	\n\nxa
T	(?a)\\s?(?a:\\d\\n(?:[\\w.])){0,1}\\s\\W	\n\u{e9}.Abb
F	(?a)\\s?(?a:\\d\\n(?:[\\w.])){0,1}\\s\\W	Kx  a
F	(?a)\\s?(?a:\\d\\n(?:[\\w.])){0,1}\\s\\W	\n
F	(?m)\\Z(?:b)	ka\u{e9}.x
F	(?m)\\Z(?:b)	B
F	^[\\w.]\\A	1 _K\n
F	^[\\w.]\\A	a
T	(?x)b(?-i:[a-c]{,2}\\.)*	b
F	(?x)b(?-i:[a-c]{,2}\\.)*	\u{e9}
F	(?x)b(?-i:[a-c]{,2}\\.)*	 1 .
F	(?m)\\s{2}	
F	(?m)\\s{2}	A.KB1B
F	(?m)(\u{c9}\\A)\\W\u{c9}[.\\d]	x
F	(?m)(\u{c9}\\A)\\W\u{c9}[.\\d]	_\ncc
T	(?a)_	_Ax\nx_
T	(?a)_	_a.A
F	(?a)_	.A
F	(?a)_	K\u{e9} 
T	(?x)[^a]	A._B
T	(?x)[^a]	K\n BB
F	(?x)[^a]	a_1K\nc
F	(?x)[^a]	
F	(?i:b(?:\\n\\Z[\\w.]{,2})[^\\W\\d])$	ab
F	(?i:b(?:\\n\\Z[\\w.]{,2})[^\\W\\d])$	K__bbb
F	(?m)K{2,}	
F	(?m)K{2,}	kabB1k
T	(?i)((?!\\S(Ka+[^a]))\\D*?)	K
T	(?i)((?!\\S(Ka+[^a]))\\D*?)	\u{e9}
T	(?x)(\\.*^){0,1}	
T	(?x)(\\.*^){0,1}	x
T	(?x)[^\\W\\d]	KA1
T	(?x)[^\\W\\d]	x
F	(?x)[^\\W\\d]	1\n\u{e9}\u{e9}\u{e9}
F	(?x)[^\\W\\d]	
T	\\A	ka1K\u{e9}B
T	\\A	BabcK_
F	(?m)\u{c9}\\.	
F	(?m)\u{c9}\\.	x
F	(?i)1{2,}((?:(K[.\\d])[.\\d]_.*?)[.\\d]+)	bbxkB1
F	(?i)1{2,}((?:(K[.\\d])[.\\d]_.*?)[.\\d]+)	a
T	a[^a]?	acK1
T	a[^a]?	aBBBK\u{e9}
F	a[^a]?	
F	a[^a]?	c1 \u{e9}
T	\\D(?!\u{e9}(?s:([^\\s][\u{e9}a-b]{0,1}1))[^\\W\\d]+?)	_cA_x\u{e9}
T	\\D(?!\u{e9}(?s:([^\\s][\u{e9}a-b]{0,1}1))[^\\W\\d]+?)	c1ka\n
F	\\D(?!\u{e9}(?s:([^\\s][\u{e9}a-b]{0,1}1))[^\\W\\d]+?)	
F	\\W\\d{2,}	K 
F	\\W\\d{2,}	xa.c\n.
T	\\w+?(?:(?<=(?:k|k)\\W1\\s)|_){,2}	BB\n
T	\\w+?(?:(?<=(?:k|k)\\W1\\s)|_){,2}	B\n
F	\\w+?(?:(?<=(?:k|k)\\W1\\s)|_){,2}	\nb
F	\\w+?(?:(?<=(?:k|k)\\W1\\s)|_){,2}	
T	(?s)\u{e9}\\D	\u{e9}BKBac
T	(?s)\u{e9}\\D	\u{e9}kx
F	(?s)\u{e9}\\D	
F	(?s)\u{e9}\\D	bB\u{e9}x \u{e9}
T	[\u{e9}a-b](?<!(?a:(b\\w\\d_)(?:\u{c9}\u{e9}xx))k)[a-c]	acB_Bb
T	[\u{e9}a-b](?<!(?a:(b\\w\\d_)(?:\u{c9}\u{e9}xx))k)[a-c]	abxx
F	[\u{e9}a-b](?<!(?a:(b\\w\\d_)(?:\u{c9}\u{e9}xx))k)[a-c]	aK
F	[\u{e9}a-b](?<!(?a:(b\\w\\d_)(?:\u{c9}\u{e9}xx))k)[a-c]	b
T	[^\\s]+\\..	\u{e9}.b1
T	[^\\s]+\\..	B.._K
F	[^\\s]+\\..	a
F	[^\\s]+\\..	
T	(?s)(?-i:(?s:\\B. *?).)+	.b\u{e9}b_\n
T	(?s)(?-i:(?s:\\B. *?).)+	  K\u{e9}\n
F	(?s)(?-i:(?s:\\B. *?).)+	A.\u{e9}
F	(?s)(?-i:(?s:\\B. *?).)+	c
T	(?a)\\d	1xx
T	(?a)\\d	1\n\n
F	(?a)\\d	 x
F	(?a)\\d	ax\u{e9}_
F	c_	ABc
F	c_	bBK1.
F	(?s).\\A(_)(?:(?<=[.\\d]\\S1)[^\\s]|^)	xK\na
F	(?s).\\A(_)(?:(?<=[.\\d]\\S1)[^\\s]|^)	KB_1
F	b(?:k|_[ab][\u{e9}a-b])[.\\d]{1,2}	1AB\n
F	b(?:k|_[ab][\u{e9}a-b])[.\\d]{1,2}	\nB_B__
T	a[^a]	a x\nk
T	a[^a]	a1..\nb
F	a[^a]	..AA
F	a[^a]	bbB
T	\u{e9}	\u{e9}Bbx
T	\u{e9}	\u{e9}\nb
F	\u{e9}	_
F	\u{e9}	AB 
F	\u{e9}a	\u{e9} 
F	\u{e9}a	\nbaa
F	(?m)(?:\\w\\A_)k.1{1,2}	\u{e9}.
F	(?m)(?:\\w\\A_)k.1{1,2}	BB_
T	(?<!(?s:(?-i:[^\\W\\d])))(^\\s*.??)	Kc_xx
T	(?<!(?s:(?-i:[^\\W\\d])))(^\\s*.??)	ckbK
T	(?=_)	_Bab
T	(?=_)	_\n\nA_
F	(?=_)	.K 
F	(?=_)	B 
F	\\S(k.(?!(?:kbK|[^a]|1\\D)?))^[a-c]	1 B.k
F	\\S(k.(?!(?:kbK|[^a]|1\\D)?))^[a-c]	1c
F	$\\b[^\\W\\d]\u{c9}	
F	$\\b[^\\W\\d]\u{c9}	 KBA
F	(?x)[^a]\\B(?<=c[.\\d])\\B	a.k 1 
F	(?x)[^a]\\B(?<=c[.\\d])\\B	 
F	(?x)\\Zc(?m:_(?=\\dk\u{e9}K){2}K)	
F	(?x)\\Zc(?m:_(?=\\dk\u{e9}K){2}K)	\u{e9} 
T	.*?	 Kxbxx
T	.*?	b
F	(?s)(?i:\\n[ab]a)[ab]	b.B.
F	(?s)(?i:\\n[ab]a)[ab]	
T	(?x)b[\\w.]\\s?\\w{2,}	b11c
T	(?x)b[\\w.]\\s?\\w{2,}	b\u{e9}c\u{e9}c
F	(?x)b[\\w.]\\s?\\w{2,}	.K  
F	(?x)b[\\w.]\\s?\\w{2,}	c_cA
F	\u{e9}[^a]\u{c9}?\\d	k
F	\u{e9}[^a]\u{c9}?\\d	Kbxc_A
T	(?x)\\Z	
F	(?x)\\Z	aKAx
F	(?x)\\Z	\u{e9}AcK1_
F	(?x)bxx	b1.
F	(?x)bxx	.\u{e9}a
T	K?(?:\\W{1,2})	\nx_.c
T	K?(?:\\W{1,2})	._bK
F	K?(?:\\W{1,2})	B
F	K?(?:\\W{1,2})	a1\u{e9}Kaa
T	[\u{e9}a-b]	\u{e9}\u{e9}  
T	[\u{e9}a-b]	\u{e9}c\u{e9}
F	[\u{e9}a-b]	.\u{e9}Kbx
F	[\u{e9}a-b]	Bx
F	\\n[\u{e9}a-b]{2,}\\D\\d{0,1}	.\u{e9}.kAc
F	\\n[\u{e9}a-b]{2,}\\D\\d{0,1}	\nA
T	(?a).\\S{0,1}(?<!\u{c9}.(?a:([.\\d])([ab]))\u{e9})*	11\nc\u{e9}.
T	(?a).\\S{0,1}(?<!\u{c9}.(?a:([.\\d])([ab]))\u{e9})*	ab1 
F	(?a).\\S{0,1}(?<!\u{c9}.(?a:([.\\d])([ab]))\u{e9})*	
F	(?a).\\S{0,1}(?<!\u{c9}.(?a:([.\\d])([ab]))\u{e9})*	\nBcc
T	[\u{e9}a-b]\u{e9}??	a
T	[\u{e9}a-b]\u{e9}??	ab
F	[\u{e9}a-b]\u{e9}??	x..
F	[\u{e9}a-b]\u{e9}??	1k
F	(?x:(?=[ab]{0,1}){2})(?:x+?\\b\\.$)	. \u{e9}kaa
F	(?x:(?=[ab]{0,1}){2})(?:x+?\\b\\.$)	\u{e9}\u{e9}\n
T	(?m)\\.	.\n
T	(?m)\\.	.Ak.ab
F	(?m)\\.	_\u{e9}BK
F	(?m)\\.	 .
T	(?m)K\\w	KA_ax_
T	(?m)K\\w	Kcbx
F	(?m)K\\w	A B 
F	(?m)K\\w	ABAbb_
F	\u{c9}	\u{e9}.B\nb
F	\u{c9}	K\u{e9}\u{e9}\n_
T	(?x)_?	Kc1
T	(?x)_?	\n1
F	[\u{e9}a-b][\u{e9}a-b][^a]^	cAbK
F	[\u{e9}a-b][\u{e9}a-b][^a]^	ac A\nx
F	k{2,}(?-i:(?x:\\b^){2,}\\S)+?	
F	k{2,}(?-i:(?x:\\b^){2,}\\S)+?	\nBB
F	\u{c9}{2,}(?<=a)x(?s:(?:(?i:\\S\\s\u{c9}\u{e9}+)))	\nxxK\n
F	\u{c9}{2,}(?<=a)x(?s:(?:(?i:\\S\\s\u{c9}\u{e9}+)))	_.\n
T	.{1,2}\\Z[^a]{,2}	B
T	.{1,2}\\Z[^a]{,2}	a
F	.{1,2}\\Z[^a]{,2}	xBK
F	.{1,2}\\Z[^a]{,2}	_a\u{e9}
T	(?a)\\w[^\\W\\d]{2,}	cBB.
T	(?a)\\w[^\\W\\d]{2,}	kxbc1c
F	(?a)\\w[^\\W\\d]{2,}	
F	(?a)\\w[^\\W\\d]{2,}	A
F	(?x)\u{c9}	_c \n
F	(?x)\u{c9}	bbA1A
F	(?x)\\Z(?<!b(?i:\\s))\\D	bb
F	(?x)\\Z(?<!b(?i:\\s))\\D	 A
T	(?s)(?<!k1 (?i:(?m:\\D\\s[.\\d]K)(?s:\\W)k))	kkcKxa
T	(?s)(?<!k1 (?i:(?m:\\D\\s[.\\d]K)(?s:\\W)k))	.\n1kcA
T	.(?x:\\S)*?[\u{e9}a-b]{,2}	b
T	.(?x:\\S)*?[\u{e9}a-b]{,2}	_kK\nb\n
F	.(?x:\\S)*?[\u{e9}a-b]{,2}	
T	(?i)[^\\W\\d]	xaxKcK
T	(?i)[^\\W\\d]	AakB1x
F	(?i)[^\\W\\d]	1b\u{e9}\u{e9}c
F	(?i)[^\\W\\d]	
F	(?m)(?=\\n\\s)[\u{e9}a-b]??	xc..bK
F	(?m)(?=\\n\\s)[\u{e9}a-b]??	KAbKa
T	[^\\s]	c
T	[^\\s]	b\nk
F	[^\\s]	
T	\\A	\n
T	\\A	1
T	(?s)(\\d)?	Ak\n
T	(?s)(\\d)?	K
T	(?a)\\Aa	a_Kc
T	(?a)\\Aa	a.1xAA
F	(?a)\\Aa	\n.B\ncB
F	(?a)\\Aa	AKA 
T	(?s)\u{e9}.(?:\\Z| \\.(b\\.(?m:\\s\\.[\u{e9}a-b]K)))	\u{e9}B
F	(?s)\u{e9}.(?:\\Z| \\.(b\\.(?m:\\s\\.[\u{e9}a-b]K)))	KA.
F	(?s)\u{e9}.(?:\\Z| \\.(b\\.(?m:\\s\\.[\u{e9}a-b]K)))	\n
T	\\W	.
F	\\W	cb_1a
F	\\W	A\n1aaa
T	a	a _a
T	a	axAB b
F	a	 bB..
F	(?a)\\s??\\b((?:\\w+\\.(_*?\\w)(\\d){2}))	. K
F	(?a)\\s??\\b((?:\\w+\\.(_*?\\w)(\\d){2}))	xa
T	\\b	cbbb
T	\\b	\u{e9}Ack
F	\\b	  b
F	\\b	.._bA
F	(?m)xK	aaA _
F	(?m)xK	\n.cK1
T	(?i:c)	cKkb.
T	(?i:c)	c.x_B
F	(?i:c)	1A.x \n
F	(?i:c)	\n.\n\u{e9}cx
F	(?x)[^\\W\\d]+\\b\\A	1Ka
F	(?x)[^\\W\\d]+\\b\\A	 bbAk
F	(?s)\u{e9}(?<![^a])[\\w.]?	Bx \u{e9}ab
F	(?s)\u{e9}(?<![^a])[\\w.]?	kKac
T	(?a)(?:(?![^a](?<=[\\w.])+)\u{e9})	\u{e9}.k._a
T	(?a)(?:(?![^a](?<=[\\w.])+)\u{e9})	\u{e9}A\u{e9}
F	(?a)(?:(?![^a](?<=[\\w.])+)\u{e9})	xkKa1
F	(?a)(?:(?![^a](?<=[\\w.])+)\u{e9})	A1
T	(?s:\\S)K	xK
F	(?s:\\S)K	 c 
F	(?s:\\S)K	
F	(?m:$K)	c
F	(?m:$K)	xKAa
F	(?i) \\S*?$\\s	B
F	(?i) \\S*?$\\s	1\u{e9}a\nB\n
F	(?i)((?:(?:\\d.))){2}[a-c]+	k 
F	(?i)((?:(?:\\d.))){2}[a-c]+	\nc\u{e9}K
F	a{2,}	
T	(?a)(?<!\\W){0,1}^	\n. 
T	(?a)(?<!\\W){0,1}^	_1AKc
T	(?x)[.\\d][a-c]	1b
T	(?x)[.\\d][a-c]	.a
F	(?x)[.\\d][a-c]	\n.Akb1
F	(?x)[.\\d][a-c]	
F	Kk(?:\\dkk\u{e9})1	 
T	 	 \nbcx
T	 	 \nx
F	 	
F	 	k\u{e9}.xx_
T	(?x)(?<!b K\\W)	\nA_x
T	(?x)(?<!b K\\W)	a\nK\nk.
F	(?m)_(?:\\D(?!\\Z)x\\Z)$	k
F	(?m)_(?:\\D(?!\\Z)x\\Z)$	\u{e9}__ \u{e9}\n
T	(?:\\w{2,})	\u{e9}_1\n\u{e9}
T	(?:\\w{2,})	x_\nB
F	(?:\\w{2,})	.
F	(?:\\w{2,})	\nAA
T	[\\w.]*\\Z	xB
T	[\\w.]*\\Z	k1\u{e9}
F	[\\w.]*\\Z	\nbA 
F	[\\w.]*\\Z	 \u{e9}\nK
F	(?m)_(K (\\.[ab][\\w.]*?)\u{e9})1{1,2}[^\\s]	Kx.1\n
F	(?m)_(K (\\.[ab][\\w.]*?)\u{e9})1{1,2}[^\\s]	cAA
F	(?m)\\w{1,2}b(?<!(?a:.\\D)){1,2}	K_x
F	(?m)\\w{1,2}b(?<!(?a:.\\D)){1,2}	B_AK
F	(?m)[ab][\\w.]\u{c9}	
T	(?s)k	k
F	(?s)k	B
F	(?s)k	 c
T	[^a]	1 A
T	[^a]	11cAA
F	[^a]	ak\n
F	[^a]	axk 1K
F	(?i)(?<=[\\w.](?:c))k_[ab]	 \nk.
F	(?i)(?<=[\\w.](?:c))k_[ab]	
F	(?m)\\n\\n{1,2}\\Z\\b	\u{e9}.K1\u{e9}.
F	(?m)\\n\\n{1,2}\\Z\\b	_kkkA.
F	(?a)[ab]\\w\\n\\W*?	\n
F	(?a)[ab]\\w\\n\\W*?	
T	(?i)\u{e9}*?(?!\\B)(?:\\W+){,2}\\b	cK1
T	(?i)\u{e9}*?(?!\\B)(?:\\W+){,2}\\b	\u{e9}
F	(?i)\u{e9}*?(?!\\B)(?:\\W+){,2}\\b	
F	(?i)\u{e9}*?(?!\\B)(?:\\W+){,2}\\b	.A\n\nKK
T	(?s)[^\\s]	.
T	(?s)[^\\s]	xkaBAA
F	(?s)[^\\s]	\nB
F	(?s)[^\\s]	 .
T	(?a)(?!(?:\\b|(xbk[\u{e9}a-b]))*?){0,1}[ab]	a
T	(?a)(?!(?:\\b|(xbk[\u{e9}a-b]))*?){0,1}[ab]	b .
F	(?a)(?!(?:\\b|(xbk[\u{e9}a-b]))*?){0,1}[ab]	K\u{e9}x
F	(?a)(?!(?:\\b|(xbk[\u{e9}a-b]))*?){0,1}[ab]	\nK Kk
F	(?m)xk	\u{e9}
F	(?m)xk	
T	(?i)1(?:[^\\s](?i:(?s:c?K.)))\\W	1\u{e9}kk.c
F	(?i)1(?:[^\\s](?i:(?s:c?K.)))\\W	BKk.
F	(?i)1(?:[^\\s](?i:(?s:c?K.)))\\W	BK 1
F	(?:\u{c9}(?<!(?i:[.\\d]K))b.){,2}(?: _){2,}	baK
F	(?:\u{c9}(?<!(?i:[.\\d]K))b.){,2}(?: _){2,}	Kx\u{e9}_
T	(?i)[^a]*\\d{,2}	 1kaA
T	(?i)[^a]*\\d{,2}	abK\n
F	[\\w.]^	b
F	[\\w.]^	x
T	(?x)(?!_)	\u{e9}ba
T	(?x)(?!_)	\u{e9}
F	(?x)(?!_)	_aK B
F	(?x)(?!_)	_Bk1c 
T	(?s)[ab]	b_\n a
T	(?s)[ab]	ak 
F	(?s)[ab]	kk\n__
F	(?s)[ab]	_B x\u{e9}B
F	(\\W{2,}\\sk)	ABa_.
F	(\\W{2,}\\sk)	c\u{e9}
F	(?s)(\\.{2})(?-i:^){2}	k
F	(?s)(\\.{2})(?-i:^){2}	xk\nK
T	(?i)(?:\\w)(_\u{e9})	1_\u{e9}BBa
F	(?i)(?:\\w)(_\u{e9})	c
F	(?i)(?:\\w)(_\u{e9})	 xAx\n
F	(?x)\\Bb\\A	
F	(?x)\\Bb\\A	.ck
F	(?m)a[ab]	Ac
F	(?m)a[ab]	K
T	1	1_\n1ab
T	1	1KA..
F	1	BbAkbb
F	1	ABba A
T	[^\\s]+	x_BK
T	[^\\s]+	\u{e9}
F	[^\\s]+	 
F	[^\\s]+	\n_A
T	\\B	 kkk
T	\\B	.
F	\\B	kBb 
F	\\B	xk
T	(?x)K{0,1}	\u{e9}cx\n.K
T	(?x)K{0,1}	kak
T	(?i)\u{c9}	\u{e9}B__\u{e9}
T	(?i)\u{c9}	\u{e9}b
F	(?i)\u{c9}	b
F	(?i)\u{c9}	a1xbk
F	(?m)[^a][.\\d]a(?m:\\Z)	1
F	(?m)[^a][.\\d]a(?m:\\Z)	
F	(?a)\\b\u{c9}(?a:\\Z(?=( +[.\\d]\\w)))	
F	(?a)\\b\u{c9}(?a:\\Z(?=( +[.\\d]\\w)))	b1ca
F	(?s)[\u{e9}a-b]^	1akB
F	(?s)[\u{e9}a-b]^	\u{e9}k_
F	^[ab](?<![^\\W\\d])	1a1
F	^[ab](?<![^\\W\\d])	 
T	\\n	\n\u{e9}aB
T	\\n	\n \n_c
F	\\n	K
F	\\n	x\nb_
T	(?x)[^\\s]	bKaxk_
T	(?x)[^\\s]	a1 k\n
F	(?x)[^\\s]	
F	(?x)[^\\s]	 B_\nB 
T	(?a)(1)+(?:k*?[^a][\\w.][^a])?	1K_1k
T	(?a)(1)+(?:k*?[^a][\\w.][^a])?	1cK xb
F	(?a)(1)+(?:k*?[^a][\\w.][^a])?	\n AKB
F	(?a)(1)+(?:k*?[^a][\\w.][^a])?	xc\u{e9}
T	\\W\\w1	\nk1Bk
F	\\W\\w1	aK_B__
F	\\W\\w1	Bc
T	(?x)(?<!_)*	Kc1\u{e9}\na
T	(?x)(?<!_)*	
T	(?i)_	__ 
T	(?i)_	_B_\n
F	(?i)_	Bcb
F	(?i)_	ck
T	(?s)_*\\W	_\nKk_
T	(?s)_*\\W	\n \u{e9}Ka_
F	(?s)_*\\W	
F	(?s)_*\\W	k1\u{e9}Kc
T	(?s)c{1,2}	cAA.
T	(?s)c{1,2}	c
F	(?s)c{1,2}	
F	(?s)c{1,2}	B1b_b1
F	\u{c9}[^\\W\\d][^a](?:\\A){,2}	1
F	\u{c9}[^\\W\\d][^a](?:\\A){,2}	_\u{e9}
F	(?x)\\B^((?:1))	
F	(?x)\\B^((?:1))	\n
F	^\\D{2}\\s{2,}[.\\d]	A\n
F	^\\D{2}\\s{2,}[.\\d]	A
T	(?s)c	cb
T	(?s)c	c
F	(?s)c	\n_\u{e9}c
F	(?s)c	 .
T	[a-c]+?(?-i:K[a-c]{,2}_*\\D*?)	aK
F	[a-c]+?(?-i:K[a-c]{,2}_*\\D*?)	_bkbB.
F	[a-c]+?(?-i:K[a-c]{,2}_*\\D*?)	k1..
T	(?x)a\\w	axa
F	(?x)a\\w	b c
F	(?x)a\\w	
T	(?s)a.	a.
F	(?s)a.	xxA
F	(?s)a.	1_
T	(?i) 	 \n
T	(?i) 	  
F	(?i) 	Aa.k b
F	(?i) 	c 
T	(?m) 	 .B
T	(?m) 	 _
F	(?m) 	
F	(?m) 	\nb_A
T	(?i)(?! ??[\\w.]1(?:\\Za{1,2}))	kKk
T	(?i)(?! ??[\\w.]1(?:\\Za{1,2}))	 \n
T	(?x)^\\d	1  _.A
T	(?x)^\\d	1a_
F	(?x)^\\d	aBKa
F	(?x)^\\d	_1BK
F	\\B(^\\.K)	B\nc 1a
F	\\B(^\\.K)	b_\n.bb
T	(?i:[ab])	BKA1A
T	(?i:[ab])	aA\n 
F	(?i:[ab])	
F	(?i:[ab])	 1 ak_
T	(?x).K??	axa \u{e9}a
T	(?x).K??	ck
F	(?x).K??	
T	\u{c9}{,2}\\s\\S	 k1
T	\u{c9}{,2}\\s\\S	\nAc_
F	\u{c9}{,2}\\s\\S	b\nck
F	\u{c9}{,2}\\s\\S	\n
F	[^\\s](?:$\\w+?)(?s:^^)1	
T	(?x)\u{e9}	\u{e9}b
F	(?x)\u{e9}	_
F	(?x)\u{e9}	.a\n11
T	(?m)\\B\\s	 _
T	(?m)\\B\\s	\nx
F	(?m)\\B\\s	K.\nBaK
F	(?m)\\B\\s	k.\u{e9}_\n
T	 ?.	c
T	 ?.	.1\u{e9}Kk
F	 ?.	
F	 ?.	\n
F	(b).\\n	ck
F	(b).\\n	K \n
T	\\W\\D{0,1}	.
T	\\W\\D{0,1}	 
F	\\W\\D{0,1}	x .
F	\\W\\D{0,1}	AxA
T	(?i)\\d+[\u{e9}a-b]	1aa_1
T	(?i)\\d+[\u{e9}a-b]	11b_
F	(?i)\\d+[\u{e9}a-b]	__
F	(?i)\\d+[\u{e9}a-b]	
F	\\b\u{c9}(?:(?m:(?:\\n|[.\\d][^a])\\A)*?\\n)	KKK1
F	\\b\u{c9}(?:(?m:(?:\\n|[.\\d][^a])\\A)*?\\n)	 BcBc
T	[\\w.]??^	bkA\u{e9}b
T	[\\w.]??^	
T	(?i)\\D	A
T	(?i)\\D	b
F	(?i)\\D	1B \u{e9}ba
F	(?i)\\D	1
T	(?a)\\.	.
T	(?a)\\.	.xac _
F	(?a)\\.	cbcb
F	(?a)\\.	 K\n1b.
F	(?a)\\D\\Z\\W	
F	(?a)\\D\\Z\\W	1_
T	(?m)\\D	ckBa
T	(?m)\\D	c\n\u{e9} 
F	(?m)\\D	
T	(?i)[.\\d]+	1K
T	(?i)[.\\d]+	1
F	(?i)[.\\d]+	\u{e9}
F	(?i)[.\\d]+	_
F	(?a) $[a-c]((?<!1\u{e9}))?	c \u{e9}xb\u{e9}
F	(?a) $[a-c]((?<!1\u{e9}))?	KK x\u{e9}
T	(?m)\\A1\\Z((?:(1))*)	1
F	(?m)\\A1\\Z((?:(1))*)	.1
F	(?m)\\A1\\Z((?:(1))*)	b xAc
F	(?i)(?:\u{e9}*?[.\\d]|[ab])(\\b_)\\S+?[\\w.]	a
F	(?i)(?:\u{e9}*?[.\\d]|[ab])(\\b_)\\S+?[\\w.]	_\u{e9}KabB
F	x{1,2}[^\\W\\d]	c1_
F	x{1,2}[^\\W\\d]	kaBK
F	 \\.(?a:\\.)	kbbx
F	 \\.(?a:\\.)	BKbb
T	(?a)[^\\W\\d]??[^\\s]\\D	xAxK1
T	(?a)[^\\W\\d]??[^\\s]\\D	xaA .
F	(?a)[^\\W\\d]??[^\\s]\\D	\nK_x
F	(?a)[^\\W\\d]??[^\\s]\\D	a
F	$x	_ b_B
F	$x	\nA
F	(?x)K\\Z_{2}	BAck
F	(?x)K\\Z_{2}	BaK1
F	[.\\d]([^a])[\u{e9}a-b][a-c]	
F	[.\\d]([^a])[\u{e9}a-b][a-c]	c_c.
F	\\s(?a:1*?(\\n$)?[\u{e9}a-b]_?)\u{e9}	bak
F	\\s(?a:1*?(\\n$)?[\u{e9}a-b]_?)\u{e9}	
F	[\\w.]\\A	ckB
F	[\\w.]\\A	
T	(?:\\D)	\nK.1c_
T	(?:\\D)	cx cx 
F	(?:\\D)	1
F	(?:\\D)	
T	(?m)\\s	\n.b.Kb
T	(?m)\\s	 k1b11
F	(?m)\\s	
F	$[\u{e9}a-b]	
T	(?i)[a-c]{2}(?:\\B)[^a]\\.	ccb.1
F	(?i)[a-c]{2}(?:\\B)[^a]\\.	xA
F	(?i)[a-c]{2}(?:\\B)[^a]\\.	b\u{e9}._b
F	(?m)$\u{e9}+1	BbA._
F	(?m)$\u{e9}+1	a1.
F	x\\W^(?a:(?=\\W){,2}(?-i:\\n)b+?k)	 kK
F	x\\W^(?a:(?=\\W){,2}(?-i:\\n)b+?k)	 kx \u{e9}k
T	(?x)[\\w.][^\\W\\d]\\w{,2}	c\u{e9}
T	(?x)[\\w.][^\\W\\d]\\w{,2}	BK
F	(?x)[\\w.][^\\W\\d]\\w{,2}	
F	1(?m:([\u{e9}a-b]{0,1}(?<=\\dk\\Wa)))k(?!\\s?)?	
F	1(?m:([\u{e9}a-b]{0,1}(?<=\\dk\\Wa)))k(?!\\s?)?	kc
T	(?s)K?	
T	(?s)K?	c
T	(?! (?-i:(?<=\\n\\s[^\\s])+?)$b)\\D	\n K.
T	(?! (?-i:(?<=\\n\\s[^\\s])+?)$b)\\D	Bk aA
F	(?! (?-i:(?<=\\n\\s[^\\s])+?)$b)\\D	1kA
F	(?! (?-i:(?<=\\n\\s[^\\s])+?)$b)\\D	
T	(?s)\u{e9}{2,}1??	\u{e9}\u{e9}1K
F	(?s)\u{e9}{2,}1??	1
F	(?s)\u{e9}{2,}1??	
F	(?s)\\Z\\d\\w	1 a_
F	(?s)\\Z\\d\\w	
F	(?i)\\S\\.+(?x:\\B)	.
F	(?i)\\S\\.+(?x:\\B)	\u{e9}A
F	(?:(\\Z\\S\\n(?:\\nk\\s?K))|\u{e9}{0,1}) \\A1{,2}	xKkaK
F	(?:(\\Z\\S\\n(?:\\nk\\s?K))|\u{e9}{0,1}) \\A1{,2}	bakx_b
T	(?m)^[^\\s]+?K*?	a
T	(?m)^[^\\s]+?K*?	1Ka
F	(?m)^[^\\s]+?K*?	 Bakk
F	(?m)^[^\\s]+?K*?	
F	(?m)x[^\\W\\d]a	.\n\u{e9}Kx
F	(?m)x[^\\W\\d]a	\u{e9}a_k
F	\\D??k 	11k\u{e9}
F	\\D??k 	bx kB\n
F	(?:.)^(?-i:[.\\d] [\u{e9}a-b])^	Ka
F	(?:.)^(?-i:[.\\d] [\u{e9}a-b])^	\nbKb
T	(?s)K	K_
T	(?s)K	K
F	(?s)K	.x1B
F	(?s)K	B.x\u{e9}
F	(?:\\B\\B)(?-i:(?:[\\w.])_)	1AK
F	(?:\\B\\B)(?-i:(?:[\\w.])_)	_Ka
T	(?i)K	Kka  .
T	(?i)K	K1
F	(?i)K	
F	(?i)K	bk\u{e9}1\n
T	c	c
F	c	1
F	c	
F	(?s)(?x:a\\S){2}[^a]	\n.KA
F	(?s)(?x:a\\S){2}[^a]	K_ K
T	(?x)(?:[^\\s]{0,1}[a-c]{,2}\\S)[^a][^\\s].?	a\nk\u{e9}1
T	(?x)(?:[^\\s]{0,1}[a-c]{,2}\\S)[^a][^\\s].?	_.1Kk\n
F	(?x)(?:[^\\s]{0,1}[a-c]{,2}\\S)[^a][^\\s].?	\u{e9}A
F	(?x)(?:[^\\s]{0,1}[a-c]{,2}\\S)[^a][^\\s].?	.
F	(?s)1\u{c9}	
F	(?s)1\u{c9}	\nakB..
T	(?a)(?!(xK[a-c]{,2}\\D)+?)	B
T	(?a)(?!(xK[a-c]{,2}\\D)+?)	 xA
F	k[.\\d]\\bk	B _
F	k[.\\d]\\bk	1
T	(?i)x	x
T	(?i)x	xkca
F	(?i)x	c1x\n.
F	(?i)x	\nxAxK
T	(?i)(?<!\\.\\S)\u{c9}K	\u{e9}k1B
T	(?i)(?<!\\.\\S)\u{c9}K	\u{e9}k\u{e9}A
F	(?i)(?<!\\.\\S)\u{c9}K	kK\n\u{e9}
F	(?i)(?<!\\.\\S)\u{c9}K	AKb
T	(?m)\\D(?:$)\\Z	 
T	(?m)\\D(?:$)\\Z	a
F	(?m)\\D(?:$)\\Z	
F	(?m)\\D(?:$)\\Z	B1b
F	x\\s{2,}	1\n 
F	x\\s{2,}	.
T	[^\\W\\d](\u{e9}k){,2}	kBx
T	[^\\W\\d](\u{e9}k){,2}	acK x.
F	[^\\W\\d](\u{e9}k){,2}	.\nB.
F	[^\\W\\d](\u{e9}k){,2}	
F	(?:[^\\W\\d]+?)[^\\W\\d]{2,}(K)	kbKbx
F	(?:[^\\W\\d]+?)[^\\W\\d]{2,}(K)	
T	(?a)\\Z	
F	(?a)\\Z	Ka \na
F	(?a)\\Z	a\nkxkA
T	\\b	\u{e9}k
T	\\b	kKak
F	\\b	.acbkA
F	(?s)(?<=(?i:[.\\d]))b[^\\W\\d]	_\n.c1\u{e9}
F	(?s)(?<=(?i:[.\\d]))b[^\\W\\d]	B_ a
T	(?a)\\w[\\w.]a{0,1}((?i:[\\w.])\\A)*?	Kb
T	(?a)\\w[\\w.]a{0,1}((?i:[\\w.])\\A)*?	1x
F	(?a)\\w[\\w.]a{0,1}((?i:[\\w.])\\A)*?	.x
F	(?a)\\w[\\w.]a{0,1}((?i:[\\w.])\\A)*?	1 _.K
T	(?m)x	xx\u{e9} ac
T	(?m)x	x\u{e9}caxk
F	(?m)x	 A 
F	(?m)x	Bb 1B
T	\\W\\w	 c\u{e9}\u{e9}
T	\\W\\w	.A.c.B
F	\\W\\w	K
F	\\W\\w	_AxK
T	(?s)(?m:(?:[\\w.]|(?:_+?\\n|K\\D)ba.)??)*?	 b .\u{e9}
T	(?s)(?m:(?:[\\w.]|(?:_+?\\n|K\\D)ba.)??)*?	cA
T	\\Z(?i:(?x:(?<![ab]\\W )))	
F	\\Z(?i:(?x:(?<![ab]\\W )))	\u{e9}1bK
F	\\Z(?i:(?x:(?<![ab]\\W )))	bakAx
F	((?:(?i:x{2}\\W)c\\B))	
F	((?:(?i:x{2}\\W)c\\B))	a
F	(?m)(?:x.)$\\S	
F	(?m)(?:x.)$\\S	x\u{e9}
F	(?m)^\u{c9}_*?[a-c]	_
F	(?m)^\u{c9}_*?[a-c]	 .\u{e9}
T	(?a)\\b[^\\W\\d]+[\\w.]	b_
T	(?a)\\b[^\\W\\d]+[\\w.]	axK
F	(?a)\\b[^\\W\\d]+[\\w.]	\n\u{e9}1
F	(?a)\\b[^\\W\\d]+[\\w.]	
T	(?s)^	 AKB
T	(?s)^	c\n
F	(?x)$\u{c9}	xB1b1
F	(?x)$\u{c9}	\u{e9}xx
T	(?m)^	\n
T	(?m)^	
T	\u{e9}(?:(?!(?=\\S)(?!_?))[ab])	\u{e9}a\nka_
F	\u{e9}(?:(?!(?=\\S)(?!_?))[ab])	c1
F	\u{e9}(?:(?!(?=\\S)(?!_?))[ab])	K Bc
F	(?:[^\\s](?a:\\B\\B\\W? ))	a
F	(?:[^\\s](?a:\\B\\B\\W? ))	AAxK1
T	(?a)\\..{2}\\n*	.AK
T	(?a)\\..{2}\\n*	.k1a
F	(?a)\\..{2}\\n*	
F	(?a)\\..{2}\\n*	B\u{e9}b
T	a+?(?<!(?:(.x\\w)[^\\W\\d])[^\\W\\d]\\Wb)	aa\u{e9}bcx
T	a+?(?<!(?:(.x\\w)[^\\W\\d])[^\\W\\d]\\Wb)	a_
F	a+?(?<!(?:(.x\\w)[^\\W\\d])[^\\W\\d]\\Wb)	.bA
F	a+?(?<!(?:(.x\\w)[^\\W\\d])[^\\W\\d]\\Wb)	
F	(?x)k{,2}K(\\.\\S.[a-c])	 k1.
F	(?x)k{,2}K(\\.\\S.[a-c])	_\u{e9}ak\u{e9}
T	(?:\u{e9})??\\Z	
F	(?:\u{e9})??\\Z	kA\n1 
F	(?:\u{e9})??\\Z	.A.\u{e9}1.
T	(?a)\\.{1,2}	.k
F	(?a)\\.{1,2}	
F	(?a)\\.{1,2}	a
T	(?a)b\\D	b\n
F	(?a)b\\D	c\u{e9}x
F	(?a)b\\D	
T	(?s)[a-c]\\S	bK
T	(?s)[a-c]\\S	caAb
F	(?s)[a-c]\\S	
F	(?s)[a-c]\\S	1K\u{e9}1
F	(?:a(?=$)*[\\w.]c{0,1})^\\A	x_BbK 
F	(?:a(?=$)*[\\w.]c{0,1})^\\A	kAx\n 
F	^\u{c9}[ab]	\u{e9}
F	^\u{c9}[ab]	
T	(?s)K	Kk
F	(?s)K	bx
F	(?s)K	c1ak\n 
F	(?a)k\\Z\\W	1
F	(?a)k\\Z\\W	1_kKx
F	\u{c9}(?:[ab]$$\\d)??	\nbb
F	\u{c9}(?:[ab]$$\\d)??	 \u{e9}kA.
F	(?i)[.\\d] 	bk_
F	(?i)[.\\d] 	\u{e9}\nKx
F	(?m)([\\w.](?:(?-i:[\u{e9}a-b]\u{c9}k??1)))	1
F	(?m)([\\w.](?:(?-i:[\u{e9}a-b]\u{c9}k??1)))	_1k k
T	(?i)\\.	.K\n
T	(?i)\\.	.K_k
F	(?i)\\.	B
F	(?i)\\.	Kkx\u{e9}c1
T	(?s)1[^a]	1\u{e9}c.\u{e9}c
T	(?s)1[^a]	1_ xK\n
F	(?s)1[^a]	_ 
F	(?s)1[^a]	AaaB1c
T	k	k _ak
T	k	k\na
F	k	K\u{e9}c
F	k	\u{e9}BKkxK
T	(?i)kK(?:[^\\s](?<=1(\u{e9})){,2}){,2}	kkA1k
F	(?i)kK(?:[^\\s](?<=1(\u{e9})){,2}){,2}	K _
F	(?i)kK(?:[^\\s](?<=1(\u{e9})){,2}){,2}	Aabc
T	(?:\\w{1,2})\\s(?<=.\\S((cc)(?:\u{e9}\\n\\Sc)))??	k\nx
T	(?:\\w{1,2})\\s(?<=.\\S((cc)(?:\u{e9}\\n\\Sc)))??	1_ a_
F	(?:\\w{1,2})\\s(?<=.\\S((cc)(?:\u{e9}\\n\\Sc)))??	c
F	(?:\\w{1,2})\\s(?<=.\\S((cc)(?:\u{e9}\\n\\Sc)))??	kak_
T	(?m)(?i:[a-c])[^a]+	a.bKc1
T	(?m)(?i:[a-c])[^a]+	A_xa
F	(?m)(?i:[a-c])[^a]+	k\u{e9}\u{e9}
F	(?m)(?i:[a-c])[^a]+	\n 
F	a{,2}(?<=(?:[\\w.]|[\\w.])[\u{e9}a-b])[.\\d]\\Z	 cc\u{e9}
F	a{,2}(?<=(?:[\\w.]|[\\w.])[\u{e9}a-b])[.\\d]\\Z	kkA
F	k\\A\\s?([a-c]k)	kB
F	k\\A\\s?([a-c]k)	
T	(?x)c_	c_\nb\u{e9}
F	(?x)c_	Bk\u{e9}.
F	(?x)c_	.Axxb
F	(?i)((?:(\\w)+?)(?: [\u{e9}a-b]\\b|Kk))	
F	(?i)((?:(\\w)+?)(?: [\u{e9}a-b]\\b|Kk))	xK\u{e9}AK\n
F	([.\\d])\\.\u{e9}	cA
F	([.\\d])\\.\u{e9}	1 
T	.	_cab 
T	.	 
F	.	
F	(?m)K{,2}\u{c9}[.\\d]{2}c	bA1\n_1
F	(?m)K{,2}\u{c9}[.\\d]{2}c	\u{e9}aKx
F	(?x)(?:\\b\\d)1\\W	.ck\u{e9}
F	(?x)(?:\\b\\d)1\\W	.x
T	\\.	.\u{e9}
T	\\.	.\nb. 
F	\\.	1B_xbc
F	\\.	x xK
T	\\Ab*?	
T	\\Ab*?	A\u{e9}
F	[\u{e9}a-b]\u{e9}*?\\n[\u{e9}a-b]	BA1_\u{e9}\n
F	[\u{e9}a-b]\u{e9}*?\\n[\u{e9}a-b]	kx
F	(?i)\u{c9}+?(?-i:.(?<=\u{e9}(?i: \\D)\\S)){1,2}	aK \na
F	(?i)\u{c9}+?(?-i:.(?<=\u{e9}(?i: \\D)\\S)){1,2}	kK
T	(?m)\\b	c\u{e9}\u{e9}__A
T	(?m)\\b	_
F	(?m)\\b	.k
F	(?m)\\b	
T	\\Da{0,1}	kB\u{e9}\n
T	\\Da{0,1}	x1
F	\\Da{0,1}	
F	\\Da{0,1}	1
T	(?:[^\\s]\\D|\\S){2}(?!\\S.b)*	Bx\nK
T	(?:[^\\s]\\D|\\S){2}(?!\\S.b)*	AA\n
F	(?:[^\\s]\\D|\\S){2}(?!\\S.b)*	
F	(?:[^\\s]\\D|\\S){2}(?!\\S.b)*	\nK\n\nk\u{e9}
F	[a-c]K{,2}ka	x\u{e9}\u{e9}
F	[a-c]K{,2}ka	\nBb
T	(?<![.\\d])	_x.
T	(?<![.\\d])	K b
T	(?a).	ck
T	(?a).	BBck
F	(?a).	
F	(?a).	\n
T	^	a\n.
T	^	xaA 
F	(?i)K [\\w.]\\n	\u{e9} x\u{e9}x
F	(?i)K [\\w.]\\n	\n_.
F	\\w?1a{2}	c.
F	\\w?1a{2}	b
T	(?a)[.\\d]	.kx
T	(?a)[.\\d]	1bk
F	(?a)[.\\d]	A1xb_b
F	(?a)[.\\d]	
T	(?i)K	Kx kbA
T	(?i)K	KaB
F	(?i)K	\u{e9}kKbB
F	(?i)K	b. 
F	[\\w.]cK	 \u{e9}c1
F	[\\w.]cK	B
T	(?<!(?x:[^\\W\\d]))	xk1k1
T	(?<!(?x:[^\\W\\d]))	\u{e9}k_Aa
T	(?:\\.{,2}\u{e9}*?)(?:\\s\\s\u{e9}{,2})	 \nA.\nA
F	(?:\\.{,2}\u{e9}*?)(?:\\s\\s\u{e9}{,2})	x b .
F	(?:\\.{,2}\u{e9}*?)(?:\\s\\s\u{e9}{,2})	1\nBacK
F	(?s)(?<=[^\\W\\d]\\n(?i:(?:Kx[^a]))\\.)	k_1c\n
F	(?s)(?<=[^\\W\\d]\\n(?i:(?:Kx[^a]))\\.)	 
T	c+?	c
F	c+?	xA1k
F	c+?	kc1
F	( [a-c](?m:(?!\\nKa)x){1,2})	.b\u{e9}cb
F	( [a-c](?m:(?!\\nKa)x){1,2})	A__1b
F	(?!\\b \\d)a{1,2}\\w\\A	
F	(?!\\b \\d)a{1,2}\\w\\A	ccx\nc 
T	[.\\d]	.xc
T	[.\\d]	1 Bb
F	[.\\d]	AB..
F	[.\\d]	Ak.K
F	(?x)(?i:$)((?<![\\w.])\u{e9}x)x	k
F	(?x)(?i:$)((?<![\\w.])\u{e9}x)x	\nA\u{e9}bA
T	\\w	__Bb
T	\\w	k
F	\\w	
F	\\w	  _.
T	(?a)\\D{1,2}	.bxB_.
T	(?a)\\D{1,2}	x.
F	(?a)\\D{1,2}	1c\u{e9}.
F	(?a)\\D{1,2}	
T	\\S\\n(?a:\\.^)?	1\n
T	\\S\\n(?a:\\.^)?	\u{e9}\n
F	\\S\\n(?a:\\.^)?	x
F	\\S\\n(?a:\\.^)?	b._bkb
F	(?x)(?m:_\\w{2}_((\u{c9}{0,1}a[.\\d]))+?)	. B1A
F	(?x)(?m:_\\w{2}_((\u{c9}{0,1}a[.\\d]))+?)	\nkk \u{e9}K
F	(?x)(\\B){1,2}((?:(?<=\\n\u{e9}K){,2}.\\A|$a))	1xca 
F	(?x)(\\B){1,2}((?:(?<=\\n\u{e9}K){,2}.\\A|$a))	ckc
T	(?s)c	c\nxK\u{e9}
T	(?s)c	cx
F	(?s)c	\n
F	(?s)c	b_kB
F	(?x)(?a:_[^\\W\\d]){2,}(?=\u{c9}+?)+\u{e9}*	.1Bx
F	(?x)(?a:_[^\\W\\d]){2,}(?=\u{c9}+?)+\u{e9}*	1
F	\\.(\\w+?) 	
F	\\.(\\w+?) 	ba\n_cK
T	k{1,2}	kB
T	k{1,2}	k \n
F	k{1,2}	b 
F	k{1,2}	
T	\\B	\nk
T	\\B	 _K
F	\\B	Aa
F	(?s)\u{c9}k\\A	
F	(?s)\u{c9}k\\A	.
T	\\B	\nc1
T	\\B	 Kbk\u{e9}
F	\\B	x
F	\\B	BcKA1
F	(a+(?: {2,}){2,})1_	c
F	(a+(?: {2,}){2,})1_	\u{e9}
T	(?i)\\B	 k.a
T	(?i)\\B	 BKc
F	(?i)\\B	xKB.
F	(?i)\\B	bBBc1
T	(?a)(?:\u{c9}{2,}b|k\\S*)	k\n
T	(?a)(?:\u{c9}{2,}b|k\\S*)	k
F	(?a)(?:\u{c9}{2,}b|k\\S*)	.b.a
F	(?a)(?:\u{c9}{2,}b|k\\S*)	1_ck
F	\\D\\b(?<!\\.(?:.\\S))K	1A
F	\\D\\b(?<!\\.(?:.\\S))K	1_x\n\nB
T	(?a)[^\\W\\d]	c_KK
T	(?a)[^\\W\\d]	_xBAb\n
F	(?a)[^\\W\\d]	1b_\u{e9}
F	(?a)[^\\W\\d]	1\u{e9}
T	(?m)1	1 B
T	(?m)1	1\u{e9}K
F	(?m)1	 .ab_\u{e9}
F	(?m)1	b a
T	(?<=(k)){,2}[\\w.]\\D 	.a 
T	(?<=(k)){,2}[\\w.]\\D 	b\n 
F	(?<=(k)){,2}[\\w.]\\D 	bAbKkb
F	(?<=(k)){,2}[\\w.]\\D 	\nA
T	(?x)(?!(?=[\\w.]\\d{,2})[.\\d]\\D+?)	c_ A_
T	(?x)(?!(?=[\\w.]\\d{,2})[.\\d]\\D+?)	cK
F	(?x)(?!(?=[\\w.]\\d{,2})[.\\d]\\D+?)	.\u{e9}.
F	(?x)(?!(?=[\\w.]\\d{,2})[.\\d]\\D+?)	._AKxa
T	(?x)1??	cb
T	(?x)1??	K
T	(?m)[\\w.]b	kb 
T	(?m)[\\w.]b	bb.k
F	(?m)[\\w.]b	
T	(?s)[\u{e9}a-b]{0,1}x[a-c][\\w.]	\u{e9}xak\nB
F	(?s)[\u{e9}a-b]{0,1}x[a-c][\\w.]	\u{e9}
F	(?s)[\u{e9}a-b]{0,1}x[a-c][\\w.]	abc.A
F	(?m)_(?<!\\S)	A\u{e9}A\n
F	(?m)_(?<!\\S)	xx
T	(?s:\\B)k??	.x \u{e9}B
T	(?s:\\B)k??	 K
F	(?s:\\B)k??	\u{e9}bc
F	(?s:\\B)k??	Kb\u{e9} 
F	(?m)\\Z[^\\W\\d]	b.c
F	(?m)\\Z[^\\W\\d]	\u{e9}bKBxx
T	(?:\\B){,2}(?i:k{0,1}\\A$)	
F	(?:\\B){,2}(?i:k{0,1}\\A$)	B\u{e9}1cB\u{e9}
F	(?:\\B){,2}(?i:k{0,1}\\A$)	x\u{e9}ab
T	\\A	ak
T	\\A	Aa 1c
F	^_+(?:$K)	
F	^_+(?:$K)	bABx a
F	(?i)\\.{2}	\na \u{e9}k 
F	(?i)\\.{2}	ccb
T	(?m)(_)?^[^\\s][^\\s]??	Ax
T	(?m)(_)?^[^\\s][^\\s]??	kbBKc_
F	(?m)(_)?^[^\\s][^\\s]??	
F	(?m)(_)?^[^\\s][^\\s]??	 x
F	(?m)\\Z(?:\\S[.\\d])+	.KB1
F	(?m)\\Z(?:\\S[.\\d])+	a.BAa
T	(?s)\\A[^a]{,2}	akK\nc_
T	(?s)\\A[^a]{,2}	Aa_
F	_[\\w.]{,2}	c__\u{e9}\n.
F	_[\\w.]{,2}	K.\u{e9}a
F	,P}xa+\u{23}	
F	,P}xa+\u{23}	ab
F	,P}xa+\u{23}	a{1}
T	|b{	
T	|b{	ab
T	|b{	a{1}
F	.1	
F	.1	ab
F	.1	a{1}
F	$2Lm	
F	$2Lm	ab
F	$2Lm	a{1}
F	0P	
F	0P	ab
F	0P	a{1}
T	:|	
T	:|	ab
T	:|	a{1}
F	P$}{3b	
F	P$}{3b	ab
F	P$}{3b	a{1}
F	bL+,	
F	bL+,	ab
F	bL+,	a{1}
F	32\\=m3	
F	32\\=m3	ab
F	32\\=m3	a{1}
F	:+^L	
F	:+^L	ab
F	:+^L	a{1}
F	\u{23}	
F	\u{23}	ab
F	\u{23}	a{1}
F	[P]	
F	[P]	ab
F	[P]	a{1}
F	<?]s	
F	<?]s	ab
F	<?]s	a{1}
F	<+a	
F	<+a	ab
F	<+a	a{1}
F	-Lb\\<b,	
F	-Lb\\<b,	ab
F	-Lb\\<b,	a{1}
F	0+}-.2	
F	0+}-.2	ab
F	0+}-.2	a{1}
F	0b.}	
F	0b.}	ab
F	0b.}	a{1}
F	x}!*	
F	x}!*	ab
F	x}!*	a{1}
F	:^	
F	:^	ab
F	:^	a{1}
F	3x.	
F	3x.	ab
F	3x.	a{1}
F	,b^,^=\u{23}	
F	,b^,^=\u{23}	ab
F	,b^,^=\u{23}	a{1}
F	.0ba?1	
F	.0ba?1	ab
F	.0ba?1	a{1}
F	3:}+<*3	
F	3:}+<*3	ab
F	3:}+<*3	a{1}
F	0{b>!3x	
F	0{b>!3x	ab
F	0{b>!3x	a{1}
F	{\u{23}??	
F	{\u{23}??	ab
F	{\u{23}??	a{1}
F	,a:i+.	
F	,a:i+.	ab
F	,a:i+.	a{1}
F	{a+2	
F	{a+2	ab
F	{a+2	a{1}
F	]|$!{1	
F	]|$!{1	ab
F	]|$!{1	a{1}
F	,*3	
F	,*3	ab
F	,*3	a{1}
F	P=,	
F	P=,	ab
F	P=,	a{1}
F	P=}<	
F	P=}<	ab
F	P=}<	a{1}
F	LaLa.	
F	LaLa.	ab
F	LaLa.	a{1}
F	12]P3+	
F	12]P3+	ab
F	12]P3+	a{1}
F	:.	
F	:.	ab
F	:.	a{1}
F	bis	
F	bis	ab
F	bis	a{1}
F	\u{23}mP!	
F	\u{23}mP!	ab
F	\u{23}mP!	a{1}
F	b-.:	
F	b-.:	ab
F	b-.:	a{1}
F	<!^1{	
F	<!^1{	ab
F	<!^1{	a{1}
F	L?=	
F	L?=	ab
F	L?=	a{1}
F	.].10\u{23}$	
F	.].10\u{23}$	ab
F	.].10\u{23}$	a{1}
F	x0s	
F	x0s	ab
F	x0s	a{1}
F	i,\u{23}	
F	i,\u{23}	ab
F	i,\u{23}	a{1}
F	L?]\\}	
F	L?]\\}	ab
F	L?]\\}	a{1}
F	}P	
F	}P	ab
F	}P	a{1}
F	L^	
F	L^	ab
F	L^	a{1}
F	[*3)1-]	
F	[*3)1-]	ab
F	[*3)1-]	a{1}
F	==	
F	==	ab
F	==	a{1}
F	s-$b	
F	s-$b	ab
F	s-$b	a{1}
F	2a]-1i	
F	2a]-1i	ab
F	2a]-1i	a{1}
F	m	
F	m	ab
F	m	a{1}
F	$:?a<=	
F	$:?a<=	ab
F	$:?a<=	a{1}
F	s{>xm	
F	s{>xm	ab
F	s{>xm	a{1}
F	P-2>	
F	P-2>	ab
F	P-2>	a{1}
F	m1>]P-x	
F	m1>]P-x	ab
F	m1>]P-x	a{1}
F	P$>	
F	P$>	ab
F	P$>	a{1}
F	-$2-\\,>	
F	-$2-\\,>	ab
F	-$2-\\,>	a{1}
T	m|	
T	m|	ab
T	m|	a{1}
F	s]	
F	s]	ab
F	s]	a{1}
T	|	
T	|	ab
T	|	a{1}
T	|ix10{	
T	|ix10{	ab
T	|ix10{	a{1}
F	1*2?s	
F	1*2?s	ab
F	1*2?s	a{1}
F	{:	
F	{:	ab
F	{:	a{1}
T	a|	
T	a|	ab
T	a|	a{1}
F	0s0x*x>	
F	0s0x*x>	ab
F	0s0x*x>	a{1}
F	!0!!x	
F	!0!!x	ab
F	!0!!x	a{1}
T	|{m}3	
T	|{m}3	ab
T	|{m}3	a{1}
F	LPL1{	
F	LPL1{	ab
F	LPL1{	a{1}
T	|x	
T	|x	ab
T	|x	a{1}
F	$b	
F	$b	ab
F	$b	a{1}
F	-	
F	-	ab
F	-	a{1}
F	2\\a	
F	2\\a	ab
F	2\\a	a{1}
T	<?	
T	<?	ab
T	<?	a{1}
F	!1*?]	
F	!1*?]	ab
F	!1*?]	a{1}
F	$\u{23}$3x^	
F	$\u{23}$3x^	ab
F	$\u{23}$3x^	a{1}
F	,i\u{23}x	
F	,i\u{23}x	ab
F	,i\u{23}x	a{1}
F	:	
F	:	ab
F	:	a{1}
F	]	
F	]	ab
F	]	a{1}
T	i*P|	
T	i*P|	ab
T	i*P|	a{1}
F	0a:}<!$	
F	0a:}<!$	ab
F	0a:}<!$	a{1}
F	3a{m?	
F	3a{m?	ab
F	3a{m?	a{1}
F	2x	
F	2x	ab
F	2x	a{1}
F	PiP+m3P	
F	PiP+m3P	ab
F	PiP+m3P	a{1}
F	$!^.L]	
F	$!^.L]	ab
F	$!^.L]	a{1}
F	a:{!	
F	a:{!	ab
F	a:{!	a{1}
T	^|0{-	
T	^|0{-	ab
T	^|0{-	a{1}
F	^\\=	
F	^\\=	ab
F	^\\=	a{1}
F	xb+a,	
F	xb+a,	ab
F	xb+a,	a{1}
F	bb:?>?	
F	bb:?>?	ab
F	bb:?>?	a{1}
T	a	ab
T	a	a{1}
F	<	
F	<	ab
F	<	a{1}
F	\\a-\\*s	
F	\\a-\\*s	ab
F	\\a-\\*s	a{1}
F	-.	
F	-.	ab
F	-.	a{1}
T	.?	
T	.?	ab
T	.?	a{1}
T	.	ab
T	.	a{1}
F	P\\\\	
F	P\\\\	ab
F	P\\\\	a{1}
F	}+sL	
F	}+sL	ab
F	}+sL	a{1}
F	!	
F	!	ab
F	!	a{1}
F	x]-2	
F	x]-2	ab
F	x]-2	a{1}
F	a!}\u{23}.mP	
F	a!}\u{23}.mP	ab
F	a!}\u{23}.mP	a{1}
F	:\u{23}=	
F	:\u{23}=	ab
F	:\u{23}=	a{1}
F	s!x>3!$	
F	s!x>3!$	ab
F	s!x>3!$	a{1}
F	xs	
F	xs	ab
F	xs	a{1}
F	,2|0=0	
F	,2|0=0	ab
F	,2|0=0	a{1}
F	Pm	
F	Pm	ab
F	Pm	a{1}
F	-a{s	
F	-a{s	ab
F	-a{s	a{1}
F	-|-	
F	-|-	ab
F	-|-	a{1}
F	i1P	
F	i1P	ab
F	i1P	a{1}
F	--	
F	--	ab
F	--	a{1}
F	1	
F	1	ab
F	1	a{1}
F	i	
F	i	ab
F	i	a{1}
F	3\u{23}!Li{	
F	3\u{23}!Li{	ab
F	3\u{23}!Li{	a{1}
F	ii,.+}	
F	ii,.+}	ab
F	ii,.+}	a{1}
F	3xL	
F	3xL	ab
F	3xL	a{1}
F	<i-	
F	<i-	ab
F	<i-	a{1}
F	3	
F	3	ab
F	3	a{1}
T	|.	
T	|.	ab
T	|.	a{1}
F	i1^	
F	i1^	ab
F	i1^	a{1}
F	x	
F	x	ab
F	x	a{1}
T	^	
T	^	ab
T	^	a{1}
F	m}.]+	
F	m}.]+	ab
F	m}.]+	a{1}
F	>^	
F	>^	ab
F	>^	a{1}
F	>\u{23}$\u{23}0^}	
F	>\u{23}$\u{23}0^}	ab
F	>\u{23}$\u{23}0^}	a{1}
F	]x	
F	]x	ab
F	]x	a{1}
F	!0\u{23}	
F	!0\u{23}	ab
F	!0\u{23}	a{1}
F	$	ab
F	$	a{1}
F	s+<>	
F	s+<>	ab
F	s+<>	a{1}
F	${{	
F	${{	ab
F	${{	a{1}
F	00-{	
F	00-{	ab
F	00-{	a{1}
T	|=	
T	|=	ab
T	|=	a{1}
F	{-}P}	
F	{-}P}	ab
F	{-}P}	a{1}
F	={	
F	={	ab
F	={	a{1}
F	,\u{23}	
F	,\u{23}	ab
F	,\u{23}	a{1}
F	m2-xs?	
F	m2-xs?	ab
F	m2-xs?	a{1}
F	>!	
F	>!	ab
F	>!	a{1}
F	P{:i	
F	P{:i	ab
F	P{:i	a{1}
F	=s?Ps<P	
F	=s?Ps<P	ab
F	=s?Ps<P	a{1}
F	!b<\\:*	
F	!b<\\:*	ab
F	!b<\\:*	a{1}
F	:+3=?s	
F	:+3=?s	ab
F	:+3=?s	a{1}
F	,12:	
F	,12:	ab
F	,12:	a{1}
F	<s?s?	
F	<s?s?	ab
F	<s?s?	a{1}
F	L	
F	L	ab
F	L	a{1}
F	a>=,+>	
F	a>=,+>	ab
F	a>=,+>	a{1}
F	!$.*P	
F	!$.*P	ab
F	!$.*P	a{1}
F	0,	
F	0,	ab
F	0,	a{1}
F	^>]	
F	^>]	ab
F	^>]	a{1}
F	{sx\u{23}]P]	
F	{sx\u{23}]P]	ab
F	{sx\u{23}]P]	a{1}
F	,i	
F	,i	ab
F	,i	a{1}
F	\u{23}b0\u{23}$^>	
F	\u{23}b0\u{23}$^>	ab
F	\u{23}b0\u{23}$^>	a{1}
F	{m<	
F	{m<	ab
F	{m<	a{1}
F	11	
F	11	ab
F	11	a{1}
F	$abmL?b	
F	$abmL?b	ab
F	$abmL?b	a{1}
F	-?:	
F	-?:	ab
F	-?:	a{1}
F	}	
F	}	ab
F	}	a{1}
F	-i?\u{23}?	
F	-i?\u{23}?	ab
F	-i?\u{23}?	a{1}
F	!P	
F	!P	ab
F	!P	a{1}
F	1]<ss	
F	1]<ss	ab
F	1]<ss	a{1}
F	^bm2<$	
F	^bm2<$	ab
F	^bm2<$	a{1}
F	3ia?	
F	3ia?	ab
F	3ia?	a{1}
F	m0P	
F	m0P	ab
F	m0P	a{1}
F	0!	
F	0!	ab
F	0!	a{1}
F	P==x!0x	
F	P==x!0x	ab
F	P==x!0x	a{1}
F	2	
F	2	ab
F	2	a{1}
F	,m]<1	
F	,m]<1	ab
F	,m]<1	a{1}
F	3.P-	
F	3.P-	ab
F	3.P-	a{1}
F	1b=}	
F	1b=}	ab
F	1b=}	a{1}
F	}-*2	
F	}-*2	ab
F	}-*2	a{1}
F	{	
F	{	ab
F	{	a{1}
F	$=<Pm	
F	$=<Pm	ab
F	$=<Pm	a{1}
F	{=,	
F	{=,	ab
F	{=,	a{1}
F	a2>	
F	a2>	ab
F	a2>	a{1}
F	=30	
F	=30	ab
F	=30	a{1}
F	=Lx.	
F	=Lx.	ab
F	=Lx.	a{1}
F	P^	
F	P^	ab
F	P^	a{1}
F	P,\u{23}|i	
F	P,\u{23}|i	ab
F	P,\u{23}|i	a{1}
F	^a\u{23}	
F	^a\u{23}	ab
F	^a\u{23}	a{1}
F	m{mx>b>	
F	m{mx>b>	ab
F	m{mx>b>	a{1}
T	.3i|	
T	.3i|	ab
T	.3i|	a{1}
F	.s2	
F	.s2	ab
F	.s2	a{1}
F	->?	
F	->?	ab
F	->?	a{1}
T	{?	
T	{?	ab
T	{?	a{1}
F	$-	
F	$-	ab
F	$-	a{1}
F	=x1s,	
F	=x1s,	ab
F	=x1s,	a{1}
T	|m|<i	
T	|m|<i	ab
T	|m|<i	a{1}
F	<L{	
F	<L{	ab
F	<L{	a{1}
T	$>?|>,^	
F	$>?|>,^	ab
F	$>?|>,^	a{1}
F	{m0^}2	
F	{m0^}2	ab
F	{m0^}2	a{1}
T	|>	
T	|>	ab
T	|>	a{1}
T	s3!xm?|	
T	s3!xm?|	ab
T	s3!xm?|	a{1}
F	{2*ix=s	
F	{2*ix=s	ab
F	{2*ix=s	a{1}
F	.::{3	
F	.::{3	ab
F	.::{3	a{1}
F	{,>{:\u{23}?	
F	{,>{:\u{23}?	ab
F	{,>{:\u{23}?	a{1}
F	>	
F	>	ab
F	>	a{1}
F	=s2	
F	=s2	ab
F	=s2	a{1}
F	$<	
F	$<	ab
F	$<	a{1}
F	1]	
F	1]	ab
F	1]	a{1}
F	1}	
F	1}	ab
F	1}	a{1}
F	L<$	
F	L<$	ab
F	L<$	a{1}
F	$<:a	
F	$<:a	ab
F	$<:a	a{1}
F	]::Ps<	
F	]::Ps<	ab
F	]::Ps<	a{1}
T	P|s*	
T	P|s*	ab
T	P|s*	a{1}
F	m2!*-	
F	m2!*-	ab
F	m2!*-	a{1}
F	x<1x-	
F	x<1x-	ab
F	x<1x-	a{1}
T	0^|^	
T	0^|^	ab
T	0^|^	a{1}
F	i\u{23}1	
F	i\u{23}1	ab
F	i\u{23}1	a{1}
F	{{=:+m.	
F	{{=:+m.	ab
F	{{=:+m.	a{1}
F	=<ia3\u{23}2	
F	=<ia3\u{23}2	ab
F	=<ia3\u{23}2	a{1}
F	m}-i,!	
F	m}-i,!	ab
F	m}-i,!	a{1}
F	PLLi>>	
F	PLLi>>	ab
F	PLLi>>	a{1}
T	]s32|	
T	]s32|	ab
T	]s32|	a{1}
F	222	
F	222	ab
F	222	a{1}
F	bb2=,	
F	bb2=,	ab
F	bb2=,	a{1}
F	\\a	
F	\\a	ab
F	\\a	a{1}
F	\u{23}}>!L:*	
F	\u{23}}>!L:*	ab
F	\u{23}}>!L:*	a{1}
F	$<x]xx	
F	$<x]xx	ab
F	$<x]xx	a{1}
F	LL:}=2	
F	LL:}=2	ab
F	LL:}=2	a{1}
F	\\-i.i<\u{23}	
F	\\-i.i<\u{23}	ab
F	\\-i.i<\u{23}	a{1}
"##;

/// `(kind, pattern, Python str(exception))`, one per line, tab-separated, escaped.
pub(super) const ERROR_DATA: &str = r##"
re	(	missing ), unterminated subpattern at position 0
re	)	unbalanced parenthesis at position 0
re	a)	unbalanced parenthesis at position 1
re	(a	missing ), unterminated subpattern at position 0
re	*	nothing to repeat at position 0
re	a**	multiple repeat at position 2
re	a*+*	multiple repeat at position 3
re	+a	nothing to repeat at position 0
re	?	nothing to repeat at position 0
re	a{2}{3}	multiple repeat at position 4
re	^*	nothing to repeat at position 1
re	$+	nothing to repeat at position 1
re	\\b*	nothing to repeat at position 2
re	\\A?	nothing to repeat at position 2
re	[	unterminated character set at position 0
re	[a	unterminated character set at position 0
re	[]	unterminated character set at position 0
re	[^]	unterminated character set at position 0
re	[a-	unterminated character set at position 0
re	[z-a]	bad character range z-a at position 1
re	[a-\\w]	bad character range a-\\w at position 1
re	[\\w-a]	bad character range \\w-a at position 1
re	[\\d-z]	bad character range \\d-z at position 1
re	[\\x41-\\x40]	bad character range \\x-\\x at position 5
re	\\q	bad escape \\q at position 0
re	\\	bad escape (end of pattern) at position 0
re	ab\\	bad escape (end of pattern) at position 2
re	[\\	bad escape (end of pattern) at position 1
re	\\xZ	incomplete escape \\x at position 0
re	\\x4	incomplete escape \\x4 at position 0
re	\\u12	incomplete escape \\u12 at position 0
re	\\U0011ffff	bad escape \\U0011ffff at position 0
re	\\U001	incomplete escape \\U001 at position 0
re	\\N	missing { at position 2
re	\\N{	missing character name at position 3
re	\\N{}	missing character name at position 3
re	\\N{abc	missing }, unterminated name at position 3
re	\\400	octal escape value \\400 outside of range 0-0o377 at position 0
re	\\8	invalid group reference 8 at position 1
re	\\1	invalid group reference 1 at position 1
re	(a)\\2	invalid group reference 2 at position 4
re	(a\\1)	cannot refer to an open group at position 2
re	[\\8]	bad escape \\8 at position 1
re	[\\777]	octal escape value \\777 outside of range 0-0o377 at position 1
re	[\\A]	bad escape \\A at position 1
re	[\\Z]	bad escape \\Z at position 1
re	[\\B]	bad escape \\B at position 1
re	[\\z]	bad escape \\z at position 1
re	\\z	bad escape \\z at position 0
re	\\Q	bad escape \\Q at position 0
re	\\e	bad escape \\e at position 0
re	\\g	bad escape \\g at position 0
re	(?	unexpected end of pattern at position 2
re	(?P	unexpected end of pattern at position 3
re	(?Px	unknown extension ?Px at position 1
re	(?P<	missing group name at position 4
re	(?P<>a)	missing group name at position 4
re	(?P<a	missing >, unterminated name at position 4
re	(?P<1a>x)	bad character in group name '1a' at position 4
re	(?P<a-b>x)	bad character in group name 'a-b' at position 4
re	(?P<a>x)(?P<a>y)	redefinition of group name 'a' as group 2; was group 1 at position 12
re	(?P=	missing group name at position 4
re	(?P=a)	unknown group name 'a' at position 4
re	(?P=1)	bad character in group name '1' at position 4
re	(?P<a>(?P=a))	cannot refer to an open group at position 10
re	(?<	unexpected end of pattern at position 3
re	(?<x	unknown extension ?<x at position 1
re	(?<=a|bc)	look-behind requires fixed-width pattern
re	(?<!a*)	look-behind requires fixed-width pattern
re	(?<=a+)	look-behind requires fixed-width pattern
re	(?x	missing -, : or ) at position 3
re	(?i	missing -, : or ) at position 3
re	(?i-	missing flag at position 4
re	(?i-s	missing : at position 5
re	(?-	missing flag at position 3
re	(?-i	missing : at position 4
re	(?z)	unknown extension ?z at position 1
re	(?i-z:a)	unknown flag at position 4
re	(?L)	bad inline flags: cannot use 'L' flag with a str pattern at position 3
re	(?au)	bad inline flags: flags 'a', 'u' and 'L' are incompatible at position 4
value	(?a)(?u)	ASCII and UNICODE flags are incompatible
value	(?u)(?a)	ASCII and UNICODE flags are incompatible
re	(?-a:x)	bad inline flags: cannot turn off flags 'a', 'u' and 'L' at position 4
re	(?t:x)	bad inline flags: cannot turn on global flag at position 3
re	(?-t:x)	bad inline flags: cannot turn off global flag at position 4
re	(?i-i:a)	bad inline flags: flag turned on and off at position 5
re	(?-:a)	missing flag at position 3
re	(?i-:a)	missing flag at position 4
re	(?ix	missing -, : or ) at position 4
re	(?i!)	missing -, : or ) at position 3
re	x(?i)	global flags not at the start of the expression at position 1
re	(a)(?i)	global flags not at the start of the expression at position 3
re	a|(?i)b	global flags not at the start of the expression at position 2
re	((?i))	global flags not at the start of the expression at position 1
re	(?\u{23}	missing ), unterminated comment at position 0
re	(?\u{23}abc	missing ), unterminated comment at position 0
re	(?(	missing group name at position 3
re	(?()	missing group name at position 3
re	(?(1)	missing ), unterminated subpattern at position 0
re	(?(1)a|b|c)	conditional backref with more than two branches at position 8
re	(?(0)a)	bad group number at position 3
re	(?(-1)a)	bad character in group name '-1' at position 3
re	(?(a)x)	unknown group name 'a' at position 3
re	(?(2)a)(b)	invalid group reference 2 at position 3
re	(?(1a)x)	bad character in group name '1a' at position 3
re	(?(1)a)	invalid group reference 1 at position 3
re	(?(1_0)a)	invalid group reference 10 at position 3
unsupported	(?(+1)a)(b)	
re	a{2,1}	min repeat greater than max repeat at position 2
overflow	a{4294967295}	the repetition number is too large
overflow	a{1,4294967295}	the repetition number is too large
overflow	a{99999999999999999999}	the repetition number is too large
re	a{3,2}b	min repeat greater than max repeat at position 2
unsupported	(?<=(a))\\1	
re	(?<=(?P<x>a)(?P=x))	cannot refer to group defined in the same lookbehind subpattern at position 18
re	(?<=a)(?<=b*)	look-behind requires fixed-width pattern
re	(?t)a*	internal: unsupported template operator MAX_REPEAT
re	(?t)a*?	internal: unsupported template operator MIN_REPEAT
re	(?t)(?:a*+)	internal: unsupported template operator POSSESSIVE_REPEAT
re	a\n(	missing ), unterminated subpattern at position 2 (line 2, column 1)
re	a\nb\n[	unterminated character set at position 4 (line 3, column 1)
re	\n)	unbalanced parenthesis at position 1 (line 2, column 1)
re	(?x)a\n)\u{23}	unbalanced parenthesis at position 6 (line 2, column 1)
re	(?>	missing ), unterminated subpattern at position 0
re	(?>a	missing ), unterminated subpattern at position 0
re	a*++	multiple repeat at position 3
re	(?P>a)	unknown extension ?P> at position 1
re	(?Pa)	unknown extension ?Pa at position 1
re	(?&a)	unknown extension ?& at position 1
re	(?R)	unknown extension ?R at position 1
re	(?|a)	unknown extension ?| at position 1
re	(?<a>x)	unknown extension ?<a at position 1
re	(?P<a'>x)	bad character in group name \u{22}a'\u{22} at position 4
re	(?P<\\x>a)	bad character in group name '\\\\x' at position 4
re	(a)(?P=a)	unknown group name 'a' at position 7
re	(?i)[\\u0100-\\u00ff]	bad character range \\u-\\u at position 13
unsupported	\\N{EM DASH}	
unsupported	\\N{NOPE}	undefined character name 'NOPE' at position 0
unsupported	(?>a)	
unsupported	a*+	
unsupported	a?+	
unsupported	a{1,2}+	
unsupported	(a)\\1	
unsupported	(?P<n>a)(?P=n)	
unsupported	(?(1)a|b)(x)	
unsupported	(a)(?(1)b)	
re	\\101\\9	invalid group reference 9 at position 5
re	\u{e9})	unbalanced parenthesis at position 1
re	\u{65e5}(	missing ), unterminated subpattern at position 1
re	[\u{65e5}-\u{672c}	unterminated character set at position 0
re	[\u{672c}-\u{65e5}]	bad character range \u{672c}-\u{65e5} at position 1
re	(?P<\u{65e5}>x)(?P<\u{65e5}>y)	redefinition of group name '\u{65e5}' as group 2; was group 1 at position 12
re	(?P<a b>x)	bad character in group name 'a b' at position 4
re	(?P<\u{a0}>x)	bad character in group name '\\xa0' at position 4
re	(?P<\u{7}>x)	bad character in group name '\\x07' at position 4
unsupported	(?(\u{661})a)(b)	
unsupported	(?( 1 )a)(b)	
re	(?(1 2)a)	bad character in group name '1 2' at position 3
re	((((((((((a	missing ), unterminated subpattern at position 9
re	?:-x2	nothing to repeat at position 0
re	|$(\u{23}m{[	unterminated character set at position 6
re	+	nothing to repeat at position 0
re	=)|^(-?	unbalanced parenthesis at position 1
re	-2(>	missing ), unterminated subpattern at position 2
re	$.P(\u{23}	missing ), unterminated subpattern at position 3
re	{a|[?+m	unterminated character set at position 3
re	[s\\	bad escape (end of pattern) at position 2
re	*<?.	nothing to repeat at position 0
re	?ib[si<	nothing to repeat at position 0
re	0^*[	nothing to repeat at position 2
re	-)$[a	unbalanced parenthesis at position 1
re	\u{23}sL\\	bad escape (end of pattern) at position 3
re	?m>(	nothing to repeat at position 0
re	!,)	unbalanced parenthesis at position 2
re	*3?-P]	nothing to repeat at position 0
re	+:3i	nothing to repeat at position 0
re	:[a+aL-	unterminated character set at position 1
re	[a??[)-	unterminated character set at position 0
re	2\u{23}23)	unbalanced parenthesis at position 4
re	i,?1)\u{23}?	unbalanced parenthesis at position 4
re	x+|+}a0	nothing to repeat at position 3
re	0-]:)	unbalanced parenthesis at position 4
re	}(\\[L	missing ), unterminated subpattern at position 1
re	mx)-m2	unbalanced parenthesis at position 2
re	0a31(:(	missing ), unterminated subpattern at position 6
re	2(>s\u{23}00	missing ), unterminated subpattern at position 1
re	+{\\	nothing to repeat at position 0
re	[)3?)b)	unterminated character set at position 0
re	x)a-\u{23}m	unbalanced parenthesis at position 1
re	*::}	nothing to repeat at position 0
re	+i	nothing to repeat at position 0
re	i}(^{i=	missing ), unterminated subpattern at position 2
re	Px[b	unterminated character set at position 2
re	),=b!=3	unbalanced parenthesis at position 0
re	\\.(-	missing ), unterminated subpattern at position 2
re	=-[!{=s	unterminated character set at position 2
re	+s{>[	nothing to repeat at position 0
re	\u{23}\\L2\u{23}	bad escape \\L at position 1
re	L0?(}	missing ), unterminated subpattern at position 3
re	[^\\^{	unterminated character set at position 0
re	??2?!+}	nothing to repeat at position 0
re	bb(0	missing ), unterminated subpattern at position 2
re	==[]i?(	unterminated character set at position 2
re	*\u{23}\u{23}:*	nothing to repeat at position 0
re	}[	unterminated character set at position 1
re	1a[2!3x	unterminated character set at position 2
re	(\u{23}0}?	missing ), unterminated subpattern at position 0
re	?<||	nothing to repeat at position 0
re	)[^P\\0	unbalanced parenthesis at position 0
re	}\u{23}?*	multiple repeat at position 3
re	*.>	nothing to repeat at position 0
re	P.?2)b?	unbalanced parenthesis at position 4
re	(:\u{23}-	missing ), unterminated subpattern at position 0
re	?L,<\\?<	nothing to repeat at position 0
re	P*<{?\\	bad escape (end of pattern) at position 5
re	|)	unbalanced parenthesis at position 1
re	?b	nothing to repeat at position 0
re	?^	nothing to repeat at position 0
re	?<	nothing to repeat at position 0
re	=$?i]	nothing to repeat at position 2
re	[\u{23}s1b	unterminated character set at position 0
re	<s|=a(0	missing ), unterminated subpattern at position 5
re	a{)<mL:	unbalanced parenthesis at position 2
re	bi)$P\\	unbalanced parenthesis at position 2
re	,[b>(|!	unterminated character set at position 1
re	,mm\\	bad escape (end of pattern) at position 3
re	a)+0	unbalanced parenthesis at position 1
re	}<(3	missing ), unterminated subpattern at position 2
re	1(P}	missing ), unterminated subpattern at position 1
re	?}	nothing to repeat at position 0
re	+b:,	nothing to repeat at position 0
re	*^?xa|	nothing to repeat at position 0
re	*23i+	nothing to repeat at position 0
re	.(^	missing ), unterminated subpattern at position 1
re	P(>=.P*	missing ), unterminated subpattern at position 1
re	(>\\<<L-	missing ), unterminated subpattern at position 0
re	?(m	nothing to repeat at position 0
re	a!\\>\\i=	bad escape \\i at position 4
re	?>	nothing to repeat at position 0
re	m!)m	unbalanced parenthesis at position 2
re	ami>!\\	bad escape (end of pattern) at position 5
re	$P):0{	unbalanced parenthesis at position 2
re	)2(\u{23}^	unbalanced parenthesis at position 0
re	)12a	unbalanced parenthesis at position 0
re	),1	unbalanced parenthesis at position 0
re	m=)	unbalanced parenthesis at position 2
re	?,	nothing to repeat at position 0
re	:)sb	unbalanced parenthesis at position 1
re	<xa(0->	missing ), unterminated subpattern at position 3
re	|.x(*}i	nothing to repeat at position 4
re	b*),b	unbalanced parenthesis at position 2
re	+L?>m	nothing to repeat at position 0
re	3>](	missing ), unterminated subpattern at position 3
re	\\?:a)LL	unbalanced parenthesis at position 4
re	?}<m	nothing to repeat at position 0
re	[]<\\?0	unterminated character set at position 0
re	-.(.	missing ), unterminated subpattern at position 2
re	+.*b{*	nothing to repeat at position 0
re	i.{!^[	unterminated character set at position 5
re	>=a\u{23}(	missing ), unterminated subpattern at position 4
re	^P(.\u{23}a	missing ), unterminated subpattern at position 2
re	*a]m0({	nothing to repeat at position 0
re	.(sm	missing ), unterminated subpattern at position 1
re	^sx(	missing ), unterminated subpattern at position 3
re	x<?,^[	unterminated character set at position 5
re	(}is	missing ), unterminated subpattern at position 0
re	Px(L{{	missing ), unterminated subpattern at position 2
re	{-\\	bad escape (end of pattern) at position 2
re	P][,	unterminated character set at position 2
re	\\3$:(	invalid group reference 3 at position 1
re	*!P]m}	nothing to repeat at position 0
re	?=>Lb	nothing to repeat at position 0
re	[L^s	unterminated character set at position 0
re	\\?)	unbalanced parenthesis at position 2
re	?*.	nothing to repeat at position 0
re	)$	unbalanced parenthesis at position 0
re	L<|?\u{23}	nothing to repeat at position 3
re	x$P$m(3	missing ), unterminated subpattern at position 5
re	\\.![	unterminated character set at position 3
re	?3{(	nothing to repeat at position 0
re	+>s=>=P	nothing to repeat at position 0
re	s-+??+	multiple repeat at position 4
re	L.$?	nothing to repeat at position 3
re	+[{3	nothing to repeat at position 0
re	)${??i0	unbalanced parenthesis at position 0
re	P^3[1	unterminated character set at position 3
re	(\u{23}	missing ), unterminated subpattern at position 0
re	*!L}	nothing to repeat at position 0
re	*?<	nothing to repeat at position 0
re	!({2(,)	missing ), unterminated subpattern at position 1
re	2b(\\+xb	missing ), unterminated subpattern at position 2
re	*?:2^)	nothing to repeat at position 0
re	a=[.(	unterminated character set at position 2
re	!|(]]>?	missing ), unterminated subpattern at position 2
re	(}?<mms	missing ), unterminated subpattern at position 0
re	+3,(1	nothing to repeat at position 0
re	).	unbalanced parenthesis at position 0
re	i-[^)b	unterminated character set at position 2
re	b({<	missing ), unterminated subpattern at position 1
re	+|!,1:	nothing to repeat at position 0
re	0(	missing ), unterminated subpattern at position 1
re	m)=	unbalanced parenthesis at position 1
re	$[i)s	unterminated character set at position 1
re	*i<	nothing to repeat at position 0
re	?]m	nothing to repeat at position 0
re	(<|x,{	missing ), unterminated subpattern at position 0
re	)a|-3]{	unbalanced parenthesis at position 0
re	P)\\2>^	unbalanced parenthesis at position 1
re	)i	unbalanced parenthesis at position 0
re	L^\\i1+	bad escape \\i at position 2
re	*.	nothing to repeat at position 0
re	(Pb	missing ), unterminated subpattern at position 0
re	s2[[1	unterminated character set at position 2
re	<\\L$$m	bad escape \\L at position 1
re	)s\u{23}?}=,	unbalanced parenthesis at position 0
re	.=^(!(!	missing ), unterminated subpattern at position 5
"##;
}
