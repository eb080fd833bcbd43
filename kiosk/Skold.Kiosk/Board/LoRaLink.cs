// Board code: built by the nanoFramework toolchain only (kiosk/README.md).
// APIs: nanoFramework.Runtime.Native 1.7.11 (Environment.TickCount64), CoreLibrary 1.17.11
// (Console.WriteLine); the bus is nodes/Skold.Node/Board/Esp32Sx127xBus.cs (its APIs are listed there).
using System;
using Skold.Board.Kiosk;
using Skold.Node.Board;
using Skold.Radio.Sx127x;

namespace Skold.Kiosk.Board
{
    /// <summary>
    /// The kiosk's radio: listens between reports (for the council's rules orders), sends a
    /// report frame and waits for TxDone, then listens again. A radio fault is logged and the
    /// radio put back to listening; the kiosk keeps serving the queue without it.
    /// </summary>
    public sealed class LoRaLink : IFrameRadio
    {
        private const int WaitStepMs = 100;

        private readonly Sx127x _radio;
        private readonly Esp32Sx127xBus _bus;

        public LoRaLink(Sx127x radio, Esp32Sx127xBus bus)
        {
            _radio = radio;
            _bus = bus;
        }

        public void Listen()
        {
            _radio.StartReceiving();
        }

        public void Transmit(byte[] frame, long nowMs)
        {
            try
            {
                _radio.Transmit(frame, 0, frame.Length, nowMs);
                while (true)
                {
                    if (_bus.WaitForDio0(WaitStepMs) && _radio.Service() == RadioEvent.TransmitDone)
                    {
                        break;
                    }
                    _radio.CheckTimeout(Environment.TickCount64);
                }
            }
            catch (RadioException e)
            {
                Console.WriteLine("skold kiosk: report not sent: " + e.Message);
            }
            _radio.StartReceiving();
        }

        /// <summary>The length of a frame just received into Received, or 0.</summary>
        public int Poll()
        {
            if (!_bus.WaitForDio0(0))
            {
                return 0;
            }
            return _radio.Service() == RadioEvent.FrameReceived ? _radio.ReceivedLength : 0;
        }

        public byte[] Received
        {
            get { return _radio.Received; }
        }
    }
}
