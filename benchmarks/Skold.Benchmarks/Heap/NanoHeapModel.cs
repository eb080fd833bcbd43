using System.Collections;
using System.Reflection;

namespace Skold.Benchmarks.Heap;

/// <summary>
/// Sizes a live object graph of the host build as nanoCLR would hold it on the board. The
/// portable assemblies are the same sources on both, so their objects have the same fields;
/// only the size of each object differs, and nanoCLR's rules are simple (NanoObjectSizes).
/// The walk counts what the device would hold in its managed heap: objects of the portable
/// assemblies, arrays, strings, ArrayList and boxed values, from the given roots and from the
/// static fields of the portable types. Anything else (the host's test doubles of the radio,
/// flash, serial link and board) stands in for hardware or for the image's thin adapters: it is
/// counted as one object and not entered, and its type is listed so a reader sees the edge.
/// </summary>
internal sealed class NanoHeapModel
{
    private static readonly Assembly[] DeviceAssemblies =
    {
        typeof(Skold.Crypto.Ed25519).Assembly,
        typeof(Skold.Board.Node.NodeApp).Assembly,
        typeof(Skold.Radio.Sx127x.Sx127x).Assembly,
    };

    private readonly Dictionary<Type, FieldInfo[]> _fields = new();
    private readonly Dictionary<Type, FieldInfo[]> _statics = new();

    public HeapCensus Measure(params object?[] roots)
    {
        var census = new HeapCensus();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<object>();
        foreach (object? root in roots)
        {
            Push(root, seen, stack);
        }
        foreach (Assembly assembly in DeviceAssemblies)
        {
            foreach (Type type in assembly.GetTypes())
            {
                if (type.ContainsGenericParameters)
                {
                    continue;
                }
                foreach (FieldInfo field in StaticFields(type))
                {
                    census.StaticFieldBytes += NanoObjectSizes.Block;
                    object? value = field.GetValue(null);
                    if (value is not null && !field.FieldType.IsValueType)
                    {
                        Push(value, seen, stack);
                    }
                }
            }
        }
        while (stack.Count > 0)
        {
            object item = stack.Pop();
            Visit(item, census, seen, stack);
        }
        return census;
    }

    private void Visit(object item, HeapCensus census, HashSet<object> seen, Stack<object> stack)
    {
        Type type = item.GetType();
        if (item is string text)
        {
            census.Add("string", NanoObjectSizes.String(text));
            return;
        }
        if (item is Array array)
        {
            Type element = type.GetElementType()!;
            census.Add(type.Name, NanoObjectSizes.Array(element, array.Length));
            if (!element.IsPrimitive && !element.IsEnum)
            {
                foreach (object? value in array)
                {
                    if (value is null)
                    {
                        continue;
                    }
                    if (element.IsValueType)
                    {
                        // Each struct element is its own boxed object on nanoCLR.
                        census.Add(element.Name + " (array element)", NanoObjectSizes.Instance(InstanceFields(element).Length));
                        WalkFields(value, element, census, seen, stack);
                    }
                    else
                    {
                        Push(value, seen, stack);
                    }
                }
            }
            return;
        }
        if (item is ArrayList list)
        {
            // nanoFramework's ArrayList: _items and _size, its object[] grown by doubling from 4.
            census.Add("ArrayList", NanoObjectSizes.Instance(2));
            census.Add("Object[] (ArrayList)", NanoObjectSizes.Array(typeof(object), Math.Max(list.Capacity, 4)));
            foreach (object? value in list)
            {
                Push(value, seen, stack);
            }
            return;
        }
        if (item is Delegate action)
        {
            census.Add("delegate", NanoObjectSizes.Delegate);
            Push(action.Target, seen, stack);
            return;
        }
        if (type.IsValueType)
        {
            census.Add("boxed " + type.Name, NanoObjectSizes.Instance(Math.Max(1, InstanceFields(type).Length)));
            WalkFields(item, type, census, seen, stack);
            return;
        }
        if (!IsDevice(type))
        {
            census.Add(type.Name, NanoObjectSizes.Block);
            census.Outside.Add(type.FullName ?? type.Name);
            return;
        }
        census.Add(type.Name, NanoObjectSizes.Instance(InstanceFields(type).Length));
        WalkFields(item, type, census, seen, stack);
    }

    private void WalkFields(object item, Type type, HeapCensus census, HashSet<object> seen, Stack<object> stack)
    {
        foreach (FieldInfo field in InstanceFields(type))
        {
            Type fieldType = field.FieldType;
            if (fieldType.IsPrimitive || fieldType.IsEnum || fieldType.IsPointer)
            {
                continue;
            }
            object? value = field.GetValue(item);
            if (value is null)
            {
                continue;
            }
            if (fieldType.IsValueType)
            {
                // A struct field is a boxed object of its own on nanoCLR.
                census.Add("boxed " + fieldType.Name + " (field)", NanoObjectSizes.Instance(Math.Max(1, InstanceFields(fieldType).Length)));
                WalkFields(value, fieldType, census, seen, stack);
            }
            else
            {
                Push(value, seen, stack);
            }
        }
    }

    private static void Push(object? value, HashSet<object> seen, Stack<object> stack)
    {
        if (value is not null && seen.Add(value))
        {
            stack.Push(value);
        }
    }

    private static bool IsDevice(Type type) => DeviceAssemblies.Contains(type.Assembly);

    private FieldInfo[] InstanceFields(Type type)
    {
        if (!_fields.TryGetValue(type, out FieldInfo[]? fields))
        {
            var all = new List<FieldInfo>();
            for (Type? t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
            {
                all.AddRange(t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
            }
            fields = all.ToArray();
            _fields[type] = fields;
        }
        return fields;
    }

    private FieldInfo[] StaticFields(Type type)
    {
        if (!_statics.TryGetValue(type, out FieldInfo[]? fields))
        {
            fields = type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => !f.IsLiteral).ToArray();
            _statics[type] = fields;
        }
        return fields;
    }
}
