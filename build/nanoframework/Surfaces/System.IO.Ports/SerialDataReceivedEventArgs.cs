// Surface of nanoFramework.System.IO.Ports 1.1.139: our own declarations, never run.
// Read in nanoframework/System.IO.Ports, tag v1.1.139 (commit 3cc8cdfcc2f8ac6cb0082b6dd42d3856bfefb4ca),
// System.IO.Ports/SerialDataReceivedEventArgs.cs, System.IO.Ports/SerialData.cs.
// Used by the images only as the handler's parameter type. The internal constructor is declared as upstream
// has it, so that no public constructor exists; SerialData is its parameter type (members not used).
namespace System.IO.Ports
{
    public class SerialDataReceivedEventArgs : EventArgs
    {
        internal SerialDataReceivedEventArgs(SerialData eventCode)
        {
        }
    }

    public enum SerialData
    {
        Chars = 1,

        WatchChar = 2
    }
}
