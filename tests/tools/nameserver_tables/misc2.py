def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__+":", e)
def un(s):
    a,b,c,d,e = s
    return a
t(lambda: un((1,2,3))); t(lambda: un((1,2,3,4,5,6))); t(lambda: un(5)); t(lambda: un(None))
t(lambda: "%s:%d" % ("h","5")); t(lambda: "%s:%d" % ("h",None)); t(lambda: "%s:%d" % ("h",5.7)); t(lambda: "%s:%d" % ("h",float('nan'))); t(lambda: "%s:%d" % ("h",float('inf')));t(lambda: "%s:%d" % ("h",True))
t(lambda: ",".join({1})); t(lambda: ",".join([ "a", 2]))
t(lambda: ":" in 5)
t(lambda: 5 + ":" )
t(lambda: int("\x1c5")); t(lambda: int("\x855")); t(lambda: int(" 5 ")); t(lambda: int("1_0")); t(lambda: int("_1")); t(lambda: int("1_")); t(lambda: int("1__0")); t(lambda: int("-_1")); t(lambda: int("+ 1")); t(lambda: int("٣")); t(lambda: int("\x7f"))
t(lambda: int("0x10")); t(lambda: int("00012")); t(lambda: int("\u3000 12\u2000")); t(lambda: int("1\x00"))
import sys
sp=[c for c in range(sys.maxunicode+1) if chr(c).isspace()]
print([hex(c) for c in sp])
rs=[]
# rust trim set (White_Space)
