using System.IO.Ports;

namespace Skold.Gateway;

/// <summary>
/// The host link of an ESP32 node on its USB serial port (8N1, no flow control). When the cable is
/// pulled the device node disappears and reads fail; the link reopens it when it comes back.
/// </summary>
public sealed class SerialPortConnector(string device, int baudRate) : ILinkConnector
{
    public const int DefaultBaudRate = 115200;

    public string Name => device;

    public Stream Connect()
    {
        if (!File.Exists(device) && OperatingSystem.IsLinux())
        {
            throw new IOException($"{device} does not exist (is the node plugged in?)");
        }
        var port = new SerialPort(device, baudRate, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            ReadTimeout = SerialPort.InfiniteTimeout,
            WriteTimeout = 2000,
        };
        try
        {
            port.Open();
        }
        catch
        {
            port.Dispose();
            throw;
        }
        return new SerialPortStream(port);
    }

    /// <summary>The port's stream; disposing it closes the port as well.</summary>
    private sealed class SerialPortStream(SerialPort port) : Stream
    {
        private readonly Stream _inner = port.BaseStream;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => _inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                try
                {
                    port.Dispose();
                }
                catch (IOException)
                {
                    // The device is already gone (cable pulled): nothing left to close.
                }
            }
            base.Dispose(disposing);
        }
    }
}
