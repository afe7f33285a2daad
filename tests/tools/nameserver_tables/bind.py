import inspect, Pyro5.nameserver as N, Pyro5.server as S
def mk(cls):
    ns={}
    for name in dir(cls):
        f=getattr(cls,name)
        if inspect.isfunction(f) and not name.startswith('_'):
            ns[name]=f
    return ns
# build stub classes with identical signatures that return their bound arguments
src=""
for cls in (N.NameServer, S.DaemonObject):
    src+=f"class {cls.__name__}:\n"
    for name,f in sorted(mk(cls).items()):
        sig=inspect.signature(f)
        params=[p for p in sig.parameters if p!='self']
        src+=f"    def {name}{sig}:\n        return [{', '.join(params)}]\n"
g={}
exec(src,g)
objs={'NameServer':g['NameServer'](),'DaemonObject':g['DaemonObject']()}
cases=[
 ('NameServer','count',[],{}),('NameServer','count',[1],{}),('NameServer','count',[],{'a':1}),('NameServer','count',[],{'self':1}),
 ('NameServer','ping',[1,2],{}),
 ('NameServer','lookup',[],{}),('NameServer','lookup',[1],{}),('NameServer','lookup',[1,2],{}),('NameServer','lookup',[1,2,3],{}),
 ('NameServer','lookup',[],{'name':1}),('NameServer','lookup',[],{'return_metadata':1,'name':2}),('NameServer','lookup',[],{'return_metadata':1}),
 ('NameServer','lookup',[1],{'bogus':1}),('NameServer','lookup',[1],{'name':2}),('NameServer','lookup',[1],{'bogus':1,'name':2}),
 ('NameServer','lookup',[1],{'name':2,'bogus':1}),('NameServer','lookup',[1,2,3],{'bogus':1}),('NameServer','lookup',[1,2,3],{'name':1}),
 ('NameServer','lookup',[1,2],{'return_metadata':3}),('NameServer','lookup',[],{'bogus':1}),('NameServer','lookup',[1,2,3,4],{}),
 ('NameServer','lookup',[1],{'self':2}),
 ('NameServer','register',[],{}),('NameServer','register',[1],{}),('NameServer','register',[],{'uri':1}),('NameServer','register',[],{'metadata':1}),
 ('NameServer','register',[1,2],{}),('NameServer','register',[1,2,3,4],{}),('NameServer','register',[1,2,3,4,5],{}),
 ('NameServer','register',[1],{'uri':2,'metadata':3}),('NameServer','register',[1,2],{'safe':3,'uri':4}),('NameServer','register',[1,2,3,4,5],{'name':1}),
 ('NameServer','set_metadata',[],{}),('NameServer','set_metadata',[1],{}),('NameServer','set_metadata',[1,2],{}),('NameServer','set_metadata',[1,2,3],{}),
 ('NameServer','set_metadata',[],{'metadata':1}),('NameServer','set_metadata',[],{'metadata':1,'name':2}),
 ('NameServer','remove',[],{}),('NameServer','remove',[1,2,3],{}),('NameServer','remove',[1,2,3,4],{}),('NameServer','remove',[],{'regex':1}),
 ('NameServer','remove',[1],{'prefix':2}),('NameServer','remove',[1],{'name':2}),
 ('NameServer','list',[],{}),('NameServer','list',[1,2,3],{}),('NameServer','list',[1,2,3,4],{}),('NameServer','list',[],{'prefix':'Pyro','return_metadata':True}),
 ('NameServer','list',[],{'return_metadata':1,'regex':2}),
 ('NameServer','yplookup',[],{}),('NameServer','yplookup',[1,None,False],{}),('NameServer','yplookup',[1,2,3,4],{}),('NameServer','yplookup',[],{'meta_any':1}),
 ('NameServer','yplookup',[1],{'meta_all':1}),('NameServer','yplookup',[],{'metadata_all':1}),
 ('DaemonObject','get_metadata',[],{}),('DaemonObject','get_metadata',[1],{}),('DaemonObject','get_metadata',[1,2],{}),('DaemonObject','get_metadata',[],{'objectId':1}),
 ('DaemonObject','get_metadata',[],{'objectid':1}),('DaemonObject','registered',[1],{}),('DaemonObject','info',[],{'x':1}),
 ('DaemonObject','get_next_stream_item',[],{}),('DaemonObject','close_stream',[1,2],{}),('DaemonObject','ping',[],{}),
]
def rv(v):
    if v is None: return "N"
    if v is True: return "T"
    if v is False: return "F"
    if isinstance(v,int): return f"I({v})"
    if isinstance(v,str): return f"S({v!r})".replace("'",'"')
    raise Exception(v)
for cls,m,a,k in cases:
    f=getattr(objs[cls],m)
    try:
        r=f(*a,**k); out="Ok(&["+", ".join(rv(x) for x in r)+"])"
    except TypeError as e:
        out="Err(\""+str(e).replace("\\","\\\\").replace("\"","\\\"")+"\")"
    args="&["+", ".join(rv(x) for x in a)+"]"
    kw="&["+", ".join(f'("{kk}", {rv(vv)})' for kk,vv in k.items())+"]"
    print(f'        ("{cls}", "{m}", {args}, {kw}, {out}),')
