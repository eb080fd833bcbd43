// Surface of nanoFramework.System.Device.Spi 1.3.89: our own declarations, never run.
// Read in nanoframework/System.Device.Spi, tag v1.3.89 (commit cdab4eca19fd3a9454a2931b549fdbd8224c8f32),
// System.Device.Spi/DataFlow.cs (MsbFirst, LsbFirst: 0, 1). Declared: MsbFirst.
namespace System.Device.Spi
{
    public enum DataFlow
    {
        MsbFirst = 0,
    }
}
