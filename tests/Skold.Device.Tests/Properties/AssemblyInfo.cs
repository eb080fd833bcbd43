using System.Reflection;
using System.Runtime.InteropServices;

// nanoFramework projects write their assembly attributes by hand (no SDK generation); the
// native version attribute is nanoFramework's (as in the upstream unit-test template).
[assembly: AssemblyTitle("Skold on-device tests")]
[assembly: AssemblyProduct("Skold")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
[assembly: AssemblyNativeVersion("1.0.0.0")]
