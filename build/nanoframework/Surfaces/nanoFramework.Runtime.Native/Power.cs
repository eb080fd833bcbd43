// Surface of nanoFramework.Runtime.Native 1.7.11: our own declarations, never run.
// Read in nanoframework/nanoFramework.Runtime.Native, tag v1.7.11 (commit e70ef6920ca811b0403d667036fcbdc605d0e66e),
// nanoFramework.Runtime.Native/Power.cs.
// Declared: RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot), the overload the node
// image's RebootDevice() binds to. Upstream also has RebootDevice(int exeConstraintTimeout,
// RebootOption rebootOption = NormalReboot) and the OnRebootEvent event; the images use neither.
namespace nanoFramework.Runtime.Native
{
    public class Power
    {
        public static void RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot)
        {
        }
    }
}
