import ast, sys
import Pyro5.nameserver as N, Pyro5.server as S, Pyro5.core as C, Pyro5.errors as E
from Pyro5.serializers import SerpentSerializer
ser = SerpentSerializer()
NSURI = 'PYRO:Pyro.NameServer@127.0.0.1:39090'
ns = N.NameServer()
ns.register('Pyro.NameServer', NSURI, metadata={'class:Pyro5.nameserver.NameServer'})
class FakeDaemon: pass
fd = FakeDaemon(); 
dobj = S.DaemonObject(fd)
fd.objectsById = {'Pyro.Daemon': dobj, 'Pyro.NameServer': ns}
fd.streaming_responses = {}
dobj.daemon = fd
REQS = [l for l in open(sys.argv[1]).read().split('\n') if l.strip() and not l.startswith('#')]
def lit(v):
    if isinstance(v, C.URI):
        return "{'__class__':'Pyro5.core.URI','state':" + lit(v.__getstate__()) + "}"
    if v is None or isinstance(v, (bool, int, float)): return repr(v)
    if isinstance(v, (str, bytes)): return repr(v)
    if isinstance(v, tuple): return '(' + ','.join(lit(x) for x in v) + (',' if len(v) == 1 else '') + ')'
    if isinstance(v, list): return '[' + ','.join(lit(x) for x in v) + ']'
    if isinstance(v, frozenset): return 'frozenset(' + ('{' + ','.join(sorted(lit(x) for x in v)) + '}' if v else '') + ')'
    if isinstance(v, set): return ('{' + ','.join(sorted(lit(x) for x in v)) + '}') if v else 'set()'
    if isinstance(v, dict): return '{' + ','.join(lit(k) + ':' + lit(x) for k, x in v.items()) + '}'
    raise TypeError(type(v))
def rs(s):
    h = '#'
    while ('"' + h) in s: h += '#'
    return f'r{h}"{s}"{h}'
for req in REQS:
    obj, method, args, kwargs = ast.literal_eval(req)
    args = ser.recreate_classes(args); kwargs = ser.recreate_classes(kwargs) or {}
    target = ns if obj == 'Pyro.NameServer' else dobj
    try:
        if method == '__getattr__': r = S._get_exposed_property_value(target, args[0])
        elif method == '__setattr__': r = S._set_exposed_property_value(target, args[0], args[1])
        else: r = S._get_attribute(target, method)(*args, **kwargs)
        out = f'Reply::Ok({rs(lit(r))})'
    except Exception as e:
        mod = 'Pyro5.errors' if isinstance(e, E.PyroError) else 'builtins'
        msg = e.args[0] if e.args else ''
        out = f'Reply::Err({rs(mod + "." + type(e).__name__)}, {rs(str(msg))})'
    print(f'        ({rs(req)}, {out}),')
