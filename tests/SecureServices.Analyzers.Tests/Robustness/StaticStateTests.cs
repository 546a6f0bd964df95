using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Collections.ObjectModel;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace SecureServices.Analyzers.Tests.Robustness;

/// <summary>
/// Analyzer instances are shared across compilations and threads (compiler server, IDE). So, found by
/// reflection over the analyzer assembly:
/// - in every analyzer type each field, static or instance, and in its nested types each static field, is
///   readonly and of an immutable type (ImmutableArray/ImmutableHashSet/…, descriptors, strings, enums, delegates, Regex);
/// - in every other type of the assembly each static field is readonly (or const), of an immutable type too
///   (a static table is shared by every analyzer on every thread: ImmutableArray/ImmutableHashSet/ImmutableDictionary,
///   or a ReadOnlyCollection/ReadOnlyDictionary view in files linked into the dependency-free Dockerfile engine),
///   and none is a cache (ConcurrentDictionary, ConditionalWeakTable, …) or [ThreadStatic].
/// </summary>
public sealed class StaticStateTests
{
    private readonly ITestOutputHelper output;

    public StaticStateTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void Analyzers_keep_no_mutable_state()
    {
        var types = AnalyzerHarness.AnalyzerAssembly.GetTypes();
        Assert.Contains(types, t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract);
        var problems = StateChecker.Check(types);
        foreach (var problem in problems)
        {
            output.WriteLine("problem: " + problem);
        }

        Assert.True(problems.Count == 0, "mutable state in the analyzer assembly:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_checker_finds_mutable_state()
    {
        var problems = StateChecker.Check(new[] { typeof(StatefulAnalyzer), typeof(StatefulHelper) });
        Assert.Contains(problems, p => p.Contains(nameof(StatefulAnalyzer) + ".Count", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(nameof(StatefulAnalyzer) + ".Seen", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(nameof(StatefulAnalyzer) + ".last", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(nameof(StatefulAnalyzer) + ".Names", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(nameof(StatefulHelper) + ".Cache", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(nameof(StatefulHelper) + ".<Hits>", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(nameof(StatefulHelper) + ".Table", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(nameof(StatefulHelper) + ".Words", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(nameof(StatefulHelper) + ".View", StringComparison.Ordinal));
        Assert.Equal(9, problems.Count);

        Assert.Empty(StateChecker.Check(new[] { typeof(StatelessAnalyzer), typeof(StatelessHelper) }));
    }

#pragma warning disable RS1001, RS1025, RS1026, RS2008, CS0169, CS0414, CS0649 // deliberately bad subjects for the checker
    private sealed class StatefulAnalyzer : DiagnosticAnalyzer
    {
        private static readonly List<string> Seen = new();
        private static readonly string[] Names = { "a" };
        private static int Count;
        private string? last;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray<DiagnosticDescriptor>.Empty;

        public override void Initialize(AnalysisContext context) => Count++;
    }

    private sealed class StatefulHelper
    {
        private static readonly ConcurrentDictionary<string, bool> Cache = new();
        private static readonly HashSet<string> Table = new() { "a static table outside analyzer types is shared too" };
        private static readonly IReadOnlyList<string> Words = new[] { "an array behind a read-only interface" };
        private static readonly ReadOnlyCollection<List<string>> View = new(new[] { new List<string>() });
        private readonly List<string> perCall = new();

        public static int Hits { get; set; }
    }

    private static class StatelessHelper
    {
        private static readonly ImmutableDictionary<string, int> Ranks = ImmutableDictionary<string, int>.Empty.Add("a", 1);
        private static readonly ReadOnlyCollection<string> Linked = new(new[] { "a view for the dependency-free engine" });
        private static readonly IReadOnlyDictionary<string, string> Titles = new ReadOnlyDictionary<string, string>(new Dictionary<string, string> { ["a"] = "b" });
        private static readonly Lazy<ImmutableArray<string>> Later = new(() => ImmutableArray.Create("a"));
    }

    private sealed class StatelessAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("X0001", "t", "m", "c", DiagnosticSeverity.Warning, true);
        private static readonly ImmutableHashSet<string> Words = ImmutableHashSet.Create("password");
        private static readonly Regex Pattern = new("^a+$", RegexOptions.CultureInvariant);
        private readonly Func<string, bool> predicate = s => s.Length > 0;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
        }
    }
#pragma warning restore RS1001, RS1025, RS1026, RS2008, CS0169, CS0414, CS0649
}

internal static class StateChecker
{
    private static readonly ImmutableHashSet<Type> ImmutableLeaves = ImmutableHashSet.Create(
        typeof(string), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(Guid), typeof(Type),
        typeof(Regex), typeof(StringComparer), typeof(System.Text.Encoding), typeof(System.Globalization.CultureInfo), typeof(object),
        typeof(DiagnosticDescriptor), typeof(LocalizableString), typeof(SymbolEqualityComparer), typeof(SymbolDisplayFormat));

    private static readonly ImmutableHashSet<string> CacheTypes = ImmutableHashSet.Create(
        "ConcurrentDictionary`2", "ConcurrentBag`1", "ConcurrentQueue`1", "ConcurrentStack`1", "ConditionalWeakTable`2",
        "ThreadLocal`1", "AsyncLocal`1", "MemoryCache");

    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic;

    public static List<string> Check(IEnumerable<Type> types)
    {
        var problems = new List<string>();
        foreach (var type in types.Where(t => !IsCompilerGenerated(t)))
        {
            // Analyzer instances are shared, so their instance fields count; a nested type's instances are
            // per-compilation objects (known types resolved in RegisterCompilationStartAction), only its statics count.
            var shared = typeof(DiagnosticAnalyzer).IsAssignableFrom(type);
            foreach (var field in type.GetFields(Declared | BindingFlags.Static | BindingFlags.Instance))
            {
                if (field.IsLiteral || (!field.IsStatic && !shared))
                {
                    continue;
                }

                var name = $"{type.FullName}.{field.Name}";
                if (!field.IsInitOnly)
                {
                    problems.Add($"{name}: {(field.IsStatic ? "static" : "instance")} field is not readonly");
                }
                else if (field.IsDefined(typeof(ThreadStaticAttribute)) || CacheTypes.Contains(field.FieldType.Name))
                {
                    problems.Add($"{name}: {field.FieldType.Name} is shared mutable state (a cache across compilations)");
                }
                else if (!IsImmutable(field.FieldType, RuntimeType(field), new HashSet<Type>()))
                {
                    problems.Add($"{name}: {Describe(RuntimeType(field) ?? field.FieldType)} is mutable (use ImmutableArray/ImmutableHashSet/ImmutableDictionary)");
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

    /// <summary>The runtime type of a static field's value (a declared IReadOnlyList may hold an array).</summary>
    private static Type? RuntimeType(FieldInfo field)
    {
        if (!field.IsStatic || field.FieldType.IsValueType || field.DeclaringType!.ContainsGenericParameters)
        {
            return null;
        }

        try
        {
            return field.GetValue(null)?.GetType();
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }

    private static bool IsImmutable(Type declared, Type? runtime, HashSet<Type> visiting)
    {
        var type = runtime ?? declared;
        if (type.IsPrimitive || type.IsEnum || type.IsPointer || ImmutableLeaves.Contains(type) || typeof(Delegate).IsAssignableFrom(type))
        {
            return true;
        }

        if (type.IsArray || !visiting.Add(type))
        {
            return !type.IsArray;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var ns = definition.Namespace ?? string.Empty;
            // ReadOnlyCollection/ReadOnlyDictionary: read-only views whose backing array or dictionary, created in
            // the initializer, nobody else holds (another field holding it would be reported on its own).
            if (ns == "System.Collections.Immutable" || definition == typeof(ReadOnlyCollection<>) || definition == typeof(ReadOnlyDictionary<,>) || definition == typeof(Nullable<>) || definition == typeof(Lazy<>) || definition == typeof(KeyValuePair<,>) || definition.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal) || definition.FullName!.StartsWith("System.Tuple`", StringComparison.Ordinal))
            {
                return type.GetGenericArguments().All(a => IsImmutable(a, null, visiting));
            }
        }

        if (type.Namespace == "System.Collections.Immutable")
        {
            return true;
        }

        // Types of the analyzer assembly (or of a test): immutable when all their fields are readonly and immutable.
        if (type.Assembly == AnalyzerHarness.AnalyzerAssembly || type.Assembly == typeof(StateChecker).Assembly)
        {
            for (var t = type; t != null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
            {
                foreach (var f in t.GetFields(Declared | BindingFlags.Instance))
                {
                    if (!f.IsInitOnly || !IsImmutable(f.FieldType, null, visiting))
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
