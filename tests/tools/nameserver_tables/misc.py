import inspect, Pyro5.nameserver as N, Pyro5.server as S, re
for cls in (N.NameServer, S.DaemonObject):
    for n in sorted(dir(cls)):
        v=getattr(cls,n)
        if inspect.isfunction(v) and not n.startswith('_'):
            print(cls.__name__, n, inspect.signature(v))
names=set(dir(N.NameServer))|set(dir(type))
print(sorted(names))
print(sorted(set(dir(S.DaemonObject))|set(dir(type))))
print(sorted(set(dir(N.NameServer)) ^ set(dir(S.DaemonObject))))
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__+":", e)
t(lambda: getattr(N.NameServer, 5))
t(lambda: ()[0]); t(lambda: [][0])
t(lambda: "abc".startswith(5)); t(lambda: "abc".startswith((5,))); t(lambda: "abc".startswith(["a"])); t(lambda: "abc".startswith(b"a"))
t(lambda: "abc".startswith(("x","a")))
t(lambda: re.compile(5)); t(lambda: re.compile(b"a").match("abc")); t(lambda: re.compile(None))
t(lambda: {}[[1]]); t(lambda: {}[(1,[2])]); t(lambda: {}[{1:2}]); t(lambda: {}[{1}]); t(lambda: {}[(1,{2})])
t(lambda: "unknown name: " + 5); t(lambda: "unknown name: " + None); t(lambda: "unknown name: " + b"x"); t(lambda: "unknown name: " + 5.0); t(lambda: "unknown name: " + (1,))
t(lambda: iter(5)); t(lambda: iter(True)); t(lambda: iter(None)); t(lambda: iter(1.5)); t(lambda: iter(1j)); t(lambda: iter(...))
t(lambda: set(0)); t(lambda: set(False)); t(lambda: set(0.0)); t(lambda: set(b"")); t(lambda: set(0j))
t(lambda: frozenset([[1]]))
t(lambda: 5 in {}); t(lambda: [1] in {})
