import Pyro5.core as C, Pyro5.errors as E
cases = [
 "PYRO:obj@localhost:9090", "pyro:obj@localhost:9090", "PyRo:obj@h:1", "PYRO:x@h:0012", "PYRO:x@:1", "PYRO:x@h:-5",
 "PYRO:x@h:99999", "PYRO:x@h: 12 ", "PYRO:x@h:1_000", "PYRO:x@h:_1", "PYRO:x@h:1_", "PYRO:x@h:1__0", "PYRO:x@h:+7",
 "PYRO:x@h:\u0663\u0664", "PYRO:x@h:\uff11\uff12", "PYRO:x@h:\u3000 7\u2000", "PYRO:x@h:\x1c7", "PYRO:x@h:abc", "PYRO:x@h:1:2",
 "PYRO:x@h", "PYRO:x@h:", "PYRO:obj", "PYRO:", "PYRO:@", "PYRO:a@", "PYRO:a@b@c:1", "PYRO:@@x:1", "PYRO:a b@h:1",
 "PYRO:x@h:1\n", "PYRO:x@h:1\n\n", "PYRO:x\n", "PYRO:x@h\n:1", " PYRO:x@h:1", "PYRO:x@h:1 ", "PYRO:x@ h :1",
 "PYROX:obj@h:1", "PYR:obj@h:1", "PYRO1:obj@h:1", "pyronamex:x", "PYRONAME:x", "pyroname:x", "PYRONAME:x@h", "PYRONAME:x@h:5555",
 "PYRONAME:x@h:", "PYRONAME:x@h:abc", "PYRONAME:x@./u:/tmp/sock", "PYRO:x@./u:/tmp/sock", "PYRO:x@./u:", "PYRO:x@./u:a:b",
 "PYROMETA:a,b", "PYROMETA:b, a ,a", "PYROMETA:a,,c", "PYROMETA:a@h:1", "pyrometa:tag", "PYROMETA:a,b@h",
 "PYRO:x@[::1]:9090", "PYRO:x@[::1]", "PYRONAME:x@[::1]", "PYRO:x@[[::1]]:1", "PYRO:x@[fe80::1%eth0]:1", "PYRO:x@[fe80::1%25]:1",
 "PYRO:x@[::1]:12abc", "PYRO:x@[::1]junk", "PYRO:x@[::1]:", "PYRO:x@[::1]:\u0663", "PYRO:x@[]:1", "PYRO:x@[::1:1",
 "PYRO:x@h:123456789012345678", "PYRO:x@ünï:1", "PYRO:öbj@h:1", "PYRO:x@h:1\x85", "PYRO:x\x85@h:1", "PYRO:x\u00a0y@h:1",
 "PYRO:x@h:\t1", "PYRO:x@\n", "PYRO:x@h:1\r", "\nPYRO:x@h:1", "PYRO:x@h:1\x1c", "PYRO:x\x1cy@h:1", "PYRONAME:x@:", "PYRONAME:x@:7",
 "PYRO:x@H:1", "PYRO:Pyro.NameServer@127.0.0.1:39090", "PYRO:x@[ABCDEF::]:1", "PYRO:x@host:00", "PYRO:x@h:-0",
]
def q(s):
    # rust string literal
    out='"'
    for ch in s:
        o=ord(ch)
        if ch=='"': out+='\\"'
        elif ch=='\\': out+='\\\\'
        elif ch=='\n': out+='\\n'
        elif ch=='\r': out+='\\r'
        elif ch=='\t': out+='\\t'
        elif o<0x20 or o==0x7f or (0x80<=o<0xa0): out+='\\u{%x}'%o
        elif o>127: out+='\\u{%x}'%o
        else: out+=ch
    return out+'"'
def opt(v):
    if v is None: return "None"
    if isinstance(v,int): return f"Some({v})"
    return f"Some({q(v)})"
for s in cases:
    try:
        u=C.URI(s)
    except E.PyroError as e:
        print(f"    ({q(s)}, Err({q(str(e))})),")
        continue
    obj = u.object if isinstance(u.object,str) else ",".join(sorted(u.object))
    print(f"    ({q(s)}, Ok(({q(u.protocol)}, {q(obj)}, {opt(u.sockname)}, {opt(u.host)}, {opt(u.port)}, {q(str(u) if not isinstance(u.object,set) else str(u).split(':',1)[0]+':'+','.join(sorted(u.object))+(('@'+u.location) if u.location else ''))}))),")
