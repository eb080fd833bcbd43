// Surface of nanoFramework.System.IO.Streams 1.1.96: our own declarations, never run.
// Read in nanoframework/System.IO.Streams, tag v1.1.96 (commit e6d0ae8b640fa2b1b701f671801c662d16d9cd00),
// System.IO.Streams/SeekOrigin.cs. Declared: the member the images use (upstream also has Current = 1, End = 2).
namespace System.IO
{
    public enum SeekOrigin
    {
        Begin = 0,
    }
}
