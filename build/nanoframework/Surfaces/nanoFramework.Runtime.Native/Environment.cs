// Surface of nanoFramework.Runtime.Native 1.7.11: our own declarations, never run.
// Read in nanoframework/nanoFramework.Runtime.Native, tag v1.7.11 (commit e70ef6920ca811b0403d667036fcbdc605d0e66e),
// nanoFramework.Runtime.Native/System/Environment.cs (public static partial class System.Environment;
// mscorlib 1.17.11 has no Environment type).
// Declared: the static read-only property TickCount64 (long), the only member the images use.
namespace System
{
    public static class Environment
    {
        public static long TickCount64
        {
            get { throw null; }
        }
    }
}
