// Board code: built by the nanoFramework toolchain only (nodes/README.md).
// APIs: nanoFramework.System.IO.Ports 1.1.139 (SerialPort, Parity, StopBits, SerialDataReceivedEventHandler),
// nanoFramework.Hardware.Esp32 1.6.42 (Configuration.SetPinFunction, DeviceFunction.COM2_RX/COM2_TX).
using System;
using System.IO.Ports;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using Skold.Board.Node;

namespace Skold.Node.Board
{
    /// <summary>
    /// The host link's byte stream on COM2 (UART1) routed to the board's host-link pins, 115200 8N1.
    /// COM1 (the USB port) is nanoFramework's debugger link on these boards and is refused to apps
    /// (nodes/README.md). Read never blocks: it takes only what is in the receive buffer
    /// (SerialPort.Read waits for the full count otherwise).
    /// </summary>
    public sealed class SerialByteLink : IByteLink, IDisposable
    {
        public const string PortName = "COM2";
        public const int BaudRate = 115200;

        private readonly SerialPort _port;
        private readonly AutoResetEvent _arrived = new AutoResetEvent(false);

        public SerialByteLink(int rxPin, int txPin)
        {
            // Pins first: COM2 has no default pins on the ESP32 (nf-interpreter ESP32_DeviceMapping.cpp).
            Configuration.SetPinFunction(rxPin, DeviceFunction.COM2_RX);
            Configuration.SetPinFunction(txPin, DeviceFunction.COM2_TX);
            _port = new SerialPort(PortName, BaudRate, Parity.None, 8, StopBits.One);
            // A whole escaped frame (up to 1,210 bytes) fits while the loop is busy with the radio.
            _port.ReadBufferSize = 2048;
            _port.ReadTimeout = 100;
            _port.WriteTimeout = 1000;
            _port.DataReceived += OnDataReceived;
            _port.Open();
        }

        /// <summary>Set when bytes arrive: the node loop waits on it with DIO0.</summary>
        public WaitHandle Arrived
        {
            get { return _arrived; }
        }

        /// <summary>Frames not sent because the UART did not take them in time.</summary>
        public int WriteTimeouts { get; private set; }

        public int Read(byte[] buffer, int offset, int count)
        {
            int available = _port.BytesToRead;
            if (available <= 0)
            {
                return 0;
            }
            return _port.Read(buffer, offset, available < count ? available : count);
        }

        public void Write(byte[] data, int offset, int count)
        {
            try
            {
                _port.Write(data, offset, count);
            }
            catch (TimeoutException)
            {
                // Nobody lost but the host, which resynchronises at the next frame.
                WriteTimeouts++;
            }
        }

        public void Dispose()
        {
            _port.Dispose();
        }

        private void OnDataReceived(object sender, SerialDataReceivedEventArgs e)
        {
            _arrived.Set();
        }
    }
}
