// Surface of nanoFramework.System.IO.Ports 1.1.139: our own declarations, never run.
// Read in nanoframework/System.IO.Ports, tag v1.1.139 (commit 3cc8cdfcc2f8ac6cb0082b6dd42d3856bfefb4ca),
// System.IO.Ports/SerialPort.cs. Declared: the constructor (with its upstream default values) and the
// members SerialByteLink uses. Upstream BytesToRead, Read and Write are InternalCall externs; here plain bodies.
// Upstream SerialPort also implements IDisposable; left out as our code calls Dispose() on SerialPort directly.
namespace System.IO.Ports
{
    public sealed class SerialPort
    {
        public SerialPort(
            string portName,
            int baudRate = 9600,
            Parity parity = Parity.None,
            int dataBits = 8,
            StopBits stopBits = StopBits.One)
        {
        }

        public int ReadTimeout
        {
            get { throw null; }
            set { }
        }

        public int WriteTimeout
        {
            get { throw null; }
            set { }
        }

        public int BytesToRead
        {
            get { throw null; }
        }

        public int ReadBufferSize
        {
            set { }
            get { throw null; }
        }

        public event SerialDataReceivedEventHandler DataReceived
        {
            add { }
            remove { }
        }

        public void Open()
        {
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            throw null;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
        }

        public void Dispose()
        {
        }
    }
}
