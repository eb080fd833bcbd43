// Surface of nanoFramework.Runtime.Events 1.11.39: our own declarations, never run.
// Read in nanoframework/nanoFramework.Runtime.Events at main commit ec7a0a09fea0d53fd9bfaaef6ec857802d87bcc0
// (1.11.38, the newest stored; no v1.11.39 tag is stored, see the .csproj), file
// nanoFramework.Runtime.Events/BaseEvent.cs, unchanged since commit 2490244 (2020-09-25) and so the same at
// tag v1.11.37 and main.
// Declared: the class only (upstream: public class, no constructor declared, public fields Source and
// Message, which no code of ours reads). Needed as the base class of System.Device.Gpio's
// PinValueChangedEventArgs, which the images name in their pin callbacks.
namespace nanoFramework.Runtime.Events
{
    public class BaseEvent
    {
    }
}
