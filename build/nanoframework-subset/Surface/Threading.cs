// Threading of nanoFramework.CoreLibrary 1.17.11 (nanoFramework.CoreLibrary/System/Threading/*.cs).
// Monitor has only Enter(object) and Exit(object): C# lock compiles to that pair.
namespace System.Threading
{
    public static class Monitor
    {
        public static void Enter(object obj) { throw null; }
        public static void Exit(object obj) { throw null; }
    }

    public static class Interlocked
    {
        public static int Increment(ref int location) { throw null; }
        public static int Decrement(ref int location) { throw null; }
        public static int Exchange(ref int location1, int value) { throw null; }
        public static int CompareExchange(ref int location1, int value, int comparand) { throw null; }
    }

    public delegate void ThreadStart();

    public sealed class Thread
    {
        public Thread(ThreadStart start) { }
        public void Start() { }
        public void Join() { }
        public bool Join(int millisecondsTimeout) { throw null; }
        public static void Sleep(int millisecondsTimeout) { }
        public static Thread CurrentThread { get { throw null; } }
    }
}
