// Surface of nanoFramework.Runtime.Native 1.7.11: our own declarations, never run.
// Read in nanoframework/nanoFramework.Runtime.Native, tag v1.7.11 (commit e70ef6920ca811b0403d667036fcbdc605d0e66e),
// nanoFramework.Runtime.Native/RebootOption.cs.
// Declared: NormalReboot = 0, the default of Power.RebootDevice's parameter (compiled into the call).
namespace nanoFramework.Runtime.Native
{
    public enum RebootOption
    {
        NormalReboot = 0,
    }
}
