// What nanoFramework.TestFramework 3.0.77 offers a test on the device, declared from
// nanoframework/nanoFramework.TestFramework at tag v3.0.77:
//   source/TestFrameworkShared/TestClassAttribute.cs, TestMethodAttribute.cs, SetupAttribute.cs,
//   CleanupAttribute.cs, DataRowAttribute.cs, SkipTestException.cs (namespace nanoFramework.TestFramework);
//   source/TestFramework/Assert.cs, Assert.AreEqual.cs, Assert.AreNotEqual.cs, CollectionAssert.cs,
//   OutputHelper.cs.
// Upstream's message parameters carry [CallerArgumentExpression]; the optional string is what
// matters to a caller. Left out although upstream has them, because no portable test uses them:
// the overloads taking float, double or DateTime (no floating point in our logic), the members
// taking Type or Action (IsInstanceOfType, IsNotInstanceOfType, ThrowsException: a portable
// test catches the exception itself), and the obsolete xUnit-style names of Assert.Obsolete.cs
// (Equal, True, Throws, ...), which MSTest does not have. Setup/Cleanup/SkipTest are declared
// because upstream has them, but MSTest names them differently, so a portable test cannot use
// them (tests/Skold.Core.Tests/Host/PortableTestSurfaceTests.cs holds the shared list).
// Bodies are placeholders: this assembly is compiled against, never run.
namespace nanoFramework.TestFramework
{
    using System;
    using System.Collections;

    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        public DataRowAttribute(params object[] methodParameters) { }

        public object[] MethodParameters { get { throw null; } }
    }

    public class SkipTestException : Exception
    {
        public SkipTestException(string message = null, Exception innerException = null) { }
    }

    public static class OutputHelper
    {
        public static void Write(string message) { }

        public static void WriteLine(string message) { }
    }

    public sealed class CollectionAssert
    {
        public static void Empty(ICollection collection, string message = "") { }

        public static void NotEmpty(ICollection collection, string message = "") { }

        public static void AreEqual(ICollection expected, ICollection actual, string message = "") { }

        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "") { }
    }

    public sealed class Assert
    {
        public static void AreNotSame(object notExpected, object actual, string message = "") { }

        public static void AreSame(object expected, object actual, string message = "") { }

        public static void Contains(string expected, string value, string message = "") { }

        public static void DoesNotContains(string notExpected, string value, string message = "") { }

        public static void EndsWith(string expected, string value, string message = "") { }

        public static void StartsWith(string expected, string value, string message = "") { }

        public static void IsFalse(bool condition, string message = "") { }

        public static void IsTrue(bool condition, string message = "") { }

        public static void IsNotNull(object value, string message = "") { }

        public static void IsNull(object value, string message = "") { }

        public static void SkipTest(string message = null) { }

        public static void AreEqual(bool expected, bool actual, string message = "") { }

        public static void AreEqual(byte expected, byte actual, string message = "") { }

        public static void AreEqual(char expected, char actual, string message = "") { }

        public static void AreEqual(int expected, int actual, string message = "") { }

        public static void AreEqual(long expected, long actual, string message = "") { }

        public static void AreEqual(object expected, object actual, string message = "") { }

        public static void AreEqual(sbyte expected, sbyte actual, string message = "") { }

        public static void AreEqual(short expected, short actual, string message = "") { }

        public static void AreEqual(string expected, string actual, string message = "") { }

        public static void AreEqual(uint expected, uint actual, string message = "") { }

        public static void AreEqual(ulong expected, ulong actual, string message = "") { }

        public static void AreEqual(ushort expected, ushort actual, string message = "") { }

        public static void AreNotEqual(bool notExpected, bool actual, string message = "") { }

        public static void AreNotEqual(byte notExpected, byte actual, string message = "") { }

        public static void AreNotEqual(char notExpected, char actual, string message = "") { }

        public static void AreNotEqual(long notExpected, long actual, string message = "") { }

        public static void AreNotEqual(int notExpected, int actual, string message = "") { }

        public static void AreNotEqual(object notExpected, object actual, string message = "") { }

        public static void AreNotEqual(sbyte notExpected, sbyte actual, string message = "") { }

        public static void AreNotEqual(short notExpected, short actual, string message = "") { }

        public static void AreNotEqual(string notExpected, string actual, string message = "") { }

        public static void AreNotEqual(uint notExpected, uint actual, string message = "") { }

        public static void AreNotEqual(ulong notExpected, ulong actual, string message = "") { }

        public static void AreNotEqual(ushort notExpected, ushort actual, string message = "") { }
    }
}
