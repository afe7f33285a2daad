import Pyro5.server as S, Pyro5.nameserver as N, Pyro5.core as C
from Pyro5.server import _get_attribute, _get_exposed_property_value, _set_exposed_property_value, is_private_attribute
import threading
ns = N.NameServer()
class FakeDaemon: 
    objectsById={}
do = S.DaemonObject(FakeDaemon())
ns._pyroId="Pyro.NameServer"; ns._pyroDaemon=None
do._pyroId="Pyro.Daemon"
for obj in (ns, do):
    print("==", type(obj).__name__)
    names = set(dir(obj)) | set(dir(type(obj))) | set(dir(type)) 
    for n in sorted(names):
        if is_private_attribute(n): continue
        try:
            _get_attribute(obj, n); r="OK"
        except Exception as e: r=f"{type(e).__name__}: {e}"
        print("call", repr(n), r)
    for n in sorted(names):
        for fn in ("get","set"):
            try:
                if fn=="get": _get_exposed_property_value(obj, n)
                else: _set_exposed_property_value(obj, n, 1)
                r="OK"
            except Exception as e: r=f"{type(e).__name__}: {e}"
            if r != f"AttributeError: type object '{type(obj).__name__}' has no attribute '{n}'":
                print(fn, repr(n), r)
