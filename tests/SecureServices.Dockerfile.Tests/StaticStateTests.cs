using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using SecureServices.Dockerfile.Rules;
using Xunit;

namespace SecureServices.Dockerfile.Tests;

/// <summary>
/// The engine runs in MSBuild nodes that lint many projects, possibly on several threads at once, and its rules
/// are singletons. So, found by reflection over the SecureServices.Dockerfile assembly: every static field is
/// readonly (or const) and of an immutable type, none is a cache or [ThreadStatic], and the rules' own instance
/// fields obey the same law. The engine has no dependencies (no System.Collections.Immutable), so its static
/// tables are read-only views (ReadOnlyCollection, ReadOnlyDictionary) or types of its own whose fields are all
/// readonly and immutable.
/// </summary>
public sealed class StaticStateTests
{
    [Fact]
    public void The_engine_keeps_no_mutable_static_state()
    {
        var types = typeof(DockerfileLinter).Assembly.GetTypes();
        Assert.Contains(types, t => typeof(DockerfileRule).IsAssignableFrom(t) && !t.IsAbstract);

        var problems = EngineStateChecker.Check(types, typeof(DockerfileLinter).Assembly);

        Assert.True(problems.Count == 0, "mutable shared state in the Dockerfile engine:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_checker_finds_mutable_state()
    {
        var problems = EngineStateChecker.Check(new[] { typeof(StatefulRule), typeof(StatefulHelper) }, typeof(StaticStateTests).Assembly);

        Assert.Equal(
            new[]
            {
                "StatefulHelper.Empty: List<String> is mutable",
                "StatefulHelper.Hits: static field is not readonly",
                "StatefulHelper.Names: String[] is mutable",
                "StatefulHelper.Seen: Dictionary<String, Boolean> is shared mutable state (a cache)",
                "StatefulHelper.Words: HashSet<String> is mutable",
                "StatefulRule.Count: static field is not readonly",
                "StatefulRule.last: instance field is not readonly",
            },
            problems.Select(p => p.Substring(p.LastIndexOf('+') + 1)).OrderBy(p => p, StringComparer.Ordinal));
        Assert.Empty(EngineStateChecker.Check(new[] { typeof(StatelessRule), typeof(StatelessHelper) }, typeof(StaticStateTests).Assembly));
    }

#pragma warning disable CS0169, CS0414, CS0649 // deliberately bad subjects for the checker
    private sealed class StatefulRule : DockerfileRule
    {
        private static int Count;
        private string? last;

        public override IReadOnlyList<string> RuleIds => Array.Empty<string>();

        public override void Analyze(DockerfileRuleContext context) => Count++;
    }

    private static class StatefulHelper
    {
        private static readonly string[] Names = { "a" };
        private static readonly HashSet<string> Words = new() { "password" };
        private static readonly List<string> Empty = new(0);
        [ThreadStatic]
        private static readonly Dictionary<string, bool>? Seen;

        public static int Hits;
    }

    private sealed class StatelessRule : DockerfileRule
    {
        private static readonly ReadOnlyCollection<string> Names = new(new[] { "a" });

        public override IReadOnlyList<string> RuleIds { get; } = new ReadOnlyCollection<string>(new[] { "SSA7001" });

        public override void Analyze(DockerfileRuleContext context)
        {
        }
    }

    private static class StatelessHelper
    {
        private static readonly IReadOnlyDictionary<string, int> Ranks = new ReadOnlyDictionary<string, int>(new Dictionary<string, int> { ["a"] = 1 });
        private static readonly Regex Pattern = new("^a+$", RegexOptions.CultureInvariant);
        private static readonly (string Entry, ReadOnlyCollection<string> Probes) Pair = ("a", new ReadOnlyCollection<string>(new[] { "b" }));
        private static readonly Func<char, bool> IsSpace = c => c == ' ';
    }
#pragma warning restore CS0169, CS0414, CS0649
}

/// <summary>Static fields (and a rule's instance fields) that are not readonly or not of an immutable type.</summary>
internal static class EngineStateChecker
{
    private static readonly ReadOnlyCollection<Type> ImmutableLeaves = new(new[]
    {
        typeof(string), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(Guid), typeof(Type),
        typeof(Regex), typeof(StringComparer), typeof(System.Text.Encoding), typeof(System.Globalization.CultureInfo), typeof(object),
    });

    private static readonly ReadOnlyCollection<string> CacheTypes = new(new[]
    {
        "ConcurrentDictionary`2", "ConcurrentBag`1", "ConcurrentQueue`1", "ConcurrentStack`1", "ConditionalWeakTable`2",
        "ThreadLocal`1", "AsyncLocal`1", "MemoryCache",
    });

    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic;

    public static List<string> Check(IEnumerable<Type> types, Assembly owner)
    {
        var problems = new List<string>();
        foreach (var type in types.Where(t => !IsCompilerGenerated(t)))
        {
            // Rule instances are shared singletons: their instance fields count as well.
            var shared = typeof(DockerfileRule).IsAssignableFrom(type);
            foreach (var field in type.GetFields(Declared | BindingFlags.Static | BindingFlags.Instance))
            {
                if (field.IsLiteral || (!field.IsStatic && !shared) || IsCompilerGeneratedField(field))
                {
                    continue;
                }

                var name = $"{type.FullName}.{field.Name}";
                var hasValue = TryGetValue(field, out var value);
                if (!field.IsInitOnly)
                {
                    problems.Add($"{name}: {(field.IsStatic ? "static" : "instance")} field is not readonly");
                }
                else if (field.IsDefined(typeof(ThreadStaticAttribute)) || CacheTypes.Contains(field.FieldType.Name))
                {
                    problems.Add($"{name}: {Describe(field.FieldType)} is shared mutable state (a cache)");
                }
                else if (!IsImmutable(field.FieldType, value, hasValue, owner, new HashSet<object>(ReferenceEqualityComparer.Instance)))
                {
                    problems.Add($"{name}: {Describe(value?.GetType() ?? field.FieldType)} is mutable");
                }
            }
        }

        return problems;
    }

    private static bool IsCompilerGenerated(Type type)
    {
        for (var t = type; t != null; t = t.DeclaringType)
        {
            if (t.IsDefined(typeof(CompilerGeneratedAttribute)) || t.Name.StartsWith('<'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A get-only auto-property's backing field is checked like any field; only lambda caches are skipped.</summary>
    private static bool IsCompilerGeneratedField(FieldInfo field)
        => field.IsDefined(typeof(CompilerGeneratedAttribute)) && !field.Name.EndsWith(">k__BackingField", StringComparison.Ordinal);

    /// <summary>
    /// The field's value: the static value, or for a rule's instance field the value in a fresh instance (rules
    /// are built with no arguments). Values let the check see through declared interfaces (an IReadOnlyList may hold an array).
    /// </summary>
    private static bool TryGetValue(FieldInfo field, out object? value)
    {
        value = null;
        var type = field.DeclaringType!;
        if (type.ContainsGenericParameters || (!field.IsStatic && (type.IsAbstract || type.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes) == null)))
        {
            return false;
        }

        try
        {
            value = field.GetValue(field.IsStatic ? null : Activator.CreateInstance(type, nonPublic: true));
            return true;
        }
        catch (TargetInvocationException)
        {
            return false;
        }
    }

    /// <summary>Is a value of this type (or this very value, when known) unchangeable through any reference?</summary>
    private static bool IsImmutable(Type declared, object? value, bool hasValue, Assembly owner, HashSet<object> visiting)
    {
        var type = value?.GetType() ?? declared;
        if (type.IsPrimitive || type.IsEnum || type.IsPointer || ImmutableLeaves.Contains(type) || typeof(Delegate).IsAssignableFrom(type) || (hasValue && value == null))
        {
            return true;
        }

        if (type.IsArray)
        {
            return hasValue && ((Array)value!).Length == 0; // only an empty array cannot change
        }

        if (hasValue && !type.IsValueType && !visiting.Add(value!))
        {
            return true;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var arguments = type.GetGenericArguments();
            if (definition == typeof(ReadOnlyCollection<>) || definition == typeof(ReadOnlyDictionary<,>) || definition == typeof(Lazy<>))
            {
                // Read-only views (whose backing collection nobody else holds) and thread-safe lazies: their elements decide.
                if (!hasValue)
                {
                    return arguments.All(a => IsImmutable(a, null, false, owner, visiting));
                }

                var elements = definition == typeof(Lazy<>)
                    ? ((bool)type.GetProperty("IsValueCreated")!.GetValue(value)! ? new[] { type.GetProperty("Value")!.GetValue(value) } : null)
                    : ((System.Collections.IEnumerable)value!).Cast<object?>().ToArray();
                var elementType = definition == typeof(ReadOnlyDictionary<,>) ? typeof(KeyValuePair<,>).MakeGenericType(arguments) : arguments[0];
                return elements == null
                    ? IsImmutable(arguments[0], null, false, owner, visiting)
                    : elements.All(e => IsImmutable(elementType, e, true, owner, visiting));
            }

            if (definition == typeof(Nullable<>) || definition == typeof(KeyValuePair<,>)
                || definition.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal)
                || definition.FullName!.StartsWith("System.Tuple`", StringComparison.Ordinal))
            {
                // Copied out of a readonly field, a struct cannot be changed in place: its parts decide.
                return hasValue
                    ? type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).All(f => IsImmutable(f.FieldType, f.GetValue(value), true, owner, visiting))
                    : arguments.All(a => IsImmutable(a, null, false, owner, visiting));
            }
        }

        // Types of the engine (or of the test): immutable when all their fields are readonly and immutable.
        if (type.Assembly == owner || type.Assembly == typeof(DockerfileLinter).Assembly)
        {
            for (var t = type; t != null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
            {
                foreach (var f in t.GetFields(Declared | BindingFlags.Instance))
                {
                    if (!f.IsInitOnly || !IsImmutable(f.FieldType, hasValue ? f.GetValue(value) : null, hasValue, owner, visiting))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        return false;
    }

    private static string Describe(Type type)
        => type.IsGenericType ? type.Name.Split('`')[0] + "<" + string.Join(", ", type.GetGenericArguments().Select(Describe)) + ">" : type.Name;
}
