// Surface of nanoFramework.System.IO.Ports 1.1.139: our own declarations, never run.
// Read in nanoframework/System.IO.Ports, tag v1.1.139 (commit 3cc8cdfcc2f8ac6cb0082b6dd42d3856bfefb4ca),
// System.IO.Ports/StopBits.cs. Declared: the member the images use (upstream also has Two = 2, OnePointFive = 3;
// there is no StopBits.None in nanoFramework).
namespace System.IO.Ports
{
    public enum StopBits
    {
        One = 1,
    }
}
