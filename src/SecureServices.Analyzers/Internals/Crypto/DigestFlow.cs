using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureServices.Analyzers.Internals.Crypto
{
    /// <summary>
    /// Does every use of the digest computed from a flagged hash operation end in a given sink? Intra-procedural
    /// and conservative: follows the digest (the return value of a one-shot call, the <c>destination</c> span of
    /// <c>HashData(source, destination)</c>, the results of <c>ComputeHash</c>/<c>GetHashAndReset</c> on a hasher
    /// created by the flagged call) through locals, copies (<c>Array.Copy</c>, <c>Buffer.BlockCopy</c>,
    /// <c>CopyTo</c>), slices (<c>hash[..16]</c>, <c>AsSpan(0, 16)</c>, <c>Slice</c>, <c>new ReadOnlySpan(hash, 0, 16)</c>)
    /// and, when asked, <c>Convert.ToBase64String</c>. Single bytes of a digest local may be read only to be
    /// written back into a digest local (<c>hash[6] = (byte)((hash[6] &amp; 0x0F) | 0x50)</c>). Any other use
    /// (compared, returned, logged, stored in a field, passed anywhere else) answers false.
    /// Only called after a weak hash was found, so its whole-body walks stay off the common path.
    /// </summary>
    internal sealed class DigestFlow
    {
        private const int MaxSteps = 16;
        private const int MaxLocals = 8;

        private readonly Func<IOperation, bool> isSink;
        private readonly bool base64;
        private readonly IOperation root;
        private readonly List<ILocalSymbol> tainted = new List<ILocalSymbol>();
        private readonly List<ILocalSymbol> writtenBack = new List<ILocalSymbol>();
        private bool reachedSink;

        private DigestFlow(IOperation flagged, Func<IOperation, bool> isSink, bool base64)
        {
            this.isSink = isSink;
            this.base64 = base64;
            root = flagged;
            while (root.Parent != null)
            {
                root = root.Parent;
            }
        }

        /// <summary>
        /// True when the digest of <paramref name="flagged"/> reaches <paramref name="isSink"/> (called with the
        /// operation whose value is the digest or derived from it; it looks at its parent) and is used nowhere else.
        /// </summary>
        public static bool AllUsesEndIn(IOperation flagged, Func<IOperation, bool> isSink, bool throughBase64)
        {
            var flow = new DigestFlow(flagged, isSink, throughBase64);
            return flow.FollowFlagged(flagged) && flow.FollowTaintedLocals() && flow.reachedSink;
        }

        private bool FollowFlagged(IOperation flagged)
        {
            if (flagged is IInvocationOperation { TargetMethod.Name: "HashData" or "TryHashData" or "HashDataAsync" } oneShot)
            {
                // MD5.HashData(data) / SHA1.HashData(data, destination) / SHA1.TryHashData(data, destination, out n)
                return Destination(oneShot) is { } destination ? TaintArgument(destination) : ReturnsDigest(oneShot.TargetMethod) && FollowValue(oneShot);
            }

            // A hasher: MD5.Create(), new SHA1Managed(), IncrementalHash.CreateHash(HashAlgorithmName.SHA1).
            var current = flagged;
            while (current.Parent is IConversionOperation conversion)
            {
                current = conversion;
            }

            if (current.Parent is IInvocationOperation chained && chained.Instance == current)
            {
                return FollowHasherUse(chained);
            }

            if (current.Parent is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
            {
                return false;
            }

            var any = false;
            foreach (var reference in References(declarator.Symbol))
            {
                any = true;
                switch (reference.Parent)
                {
                    case IInvocationOperation use when use.Instance == reference:
                        if (!FollowHasherUse(use))
                        {
                            return false;
                        }

                        break;
                    case IPropertyReferenceOperation { Property.Name: "Hash" } hash when hash.Instance == reference:
                        if (!FollowValue(hash))
                        {
                            return false;
                        }

                        break;
                    default:
                        return false;
                }
            }

            return any;
        }

        private bool FollowHasherUse(IInvocationOperation use)
        {
            switch (use.TargetMethod.Name)
            {
                case "AppendData":
                case "TransformBlock":
                case "TransformFinalBlock":
                case "Initialize":
                case "Clear":
                case "Dispose":
                    return use.Parent is IExpressionStatementOperation;
                case "ComputeHash":
                case "ComputeHashAsync":
                case "GetHashAndReset":
                case "GetCurrentHash":
                case "TryComputeHash":
                case "TryGetHashAndReset":
                case "TryGetCurrentHash":
                    return Destination(use) is { } destination ? TaintArgument(destination) : ReturnsDigest(use.TargetMethod) && FollowValue(use);
                default:
                    return false;
            }
        }

        private static IArgumentOperation? Destination(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "destination")
                {
                    return argument;
                }
            }

            return null;
        }

        private static bool ReturnsDigest(IMethodSymbol method)
        {
            var type = method.ReturnType;
            if (type is INamedTypeSymbol { IsGenericType: true, Name: "Task" or "ValueTask" } task && task.TypeArguments.Length == 1)
            {
                type = task.TypeArguments[0];
            }

            return type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte };
        }

        private bool TaintArgument(IArgumentOperation argument)
            => Unwrap(argument.Value) is ILocalReferenceOperation local && Taint(local.Local);

        private bool Taint(ILocalSymbol local)
        {
            if (!tainted.Contains(local))
            {
                tainted.Add(local);
            }

            return tainted.Count <= MaxLocals;
        }

        /// <summary>The value of <paramref name="value"/> is the digest (or a copy/slice of it): where does it go?</summary>
        private bool FollowValue(IOperation value)
        {
            var current = value;
            for (var step = 0; step < MaxSteps; step++)
            {
                if (isSink(current))
                {
                    reachedSink = true;
                    return true;
                }

                switch (current.Parent)
                {
                    case IConversionOperation or IParenthesizedOperation or IAwaitOperation:
                        current = current.Parent;
                        continue;
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return Taint(declarator.Symbol);
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target, Parent: IExpressionStatementOperation } assignment when assignment.Value == current:
                        return Taint(target.Local);
                    case IArrayElementReferenceOperation { Indices.Length: 1 } slice when slice.ArrayReference == current && slice.Indices[0] is IRangeOperation:
                        current = slice;
                        continue;
                    case IImplicitIndexerReferenceOperation { Argument.Type.Name: "Range" } slice when slice.Instance == current:
                        current = slice;
                        continue;
                    case IInvocationOperation { TargetMethod.Name: "Slice" or "ToArray" } slice when slice.Instance == current:
                        current = slice;
                        continue;
                    case IInvocationOperation { TargetMethod.Name: "CopyTo" or "TryCopyTo" } copy when copy.Instance == current:
                        return Destination(copy) is { } destination && TaintArgument(destination);
                    case IArgumentOperation argument:
                        if (!FollowArgument(argument, out var next))
                        {
                            return false;
                        }

                        if (next == null)
                        {
                            return true;
                        }

                        current = next;
                        continue;
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>The digest passed as an argument: a slice or base64 of it continues, a copy taints its destination.</summary>
        private bool FollowArgument(IArgumentOperation argument, out IOperation? next)
        {
            next = null;
            switch (argument.Parent)
            {
                case IObjectCreationOperation { Type: INamedTypeSymbol { Name: "Span" or "ReadOnlySpan", ContainingNamespace.Name: "System" } } span:
                    next = span;
                    return argument.Parameter?.Ordinal == 0;
                case IInvocationOperation call:
                    var method = call.TargetMethod;
                    var type = method.ContainingType?.ToDisplayString();
                    var parameter = argument.Parameter?.Name;
                    if (type == "System.MemoryExtensions" && method.IsExtensionMethod && argument.Parameter?.Ordinal == 0)
                    {
                        if (method.Name is "AsSpan" or "AsMemory")
                        {
                            next = call;
                            return true;
                        }

                        return method.Name is "CopyTo" or "TryCopyTo" && Destination(call) is { } copyDestination && TaintArgument(copyDestination);
                    }

                    if (type == "System.Convert" && method.Name == "ToBase64String" && argument.Parameter?.Ordinal == 0)
                    {
                        next = call;
                        return base64;
                    }

                    if ((type == "System.Array" && method.Name == "Copy" && parameter == "sourceArray")
                        || (type == "System.Buffer" && method.Name == "BlockCopy" && parameter == "src"))
                    {
                        foreach (var other in call.Arguments)
                        {
                            if (other.Parameter?.Name is "destinationArray" or "dst")
                            {
                                return call.Parent is IExpressionStatementOperation && TaintArgument(other);
                            }
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        /// <summary>Every read of a digest local must be one of the accepted flows.</summary>
        private bool FollowTaintedLocals()
        {
            for (var i = 0; i < tainted.Count; i++)
            {
                foreach (var reference in References(tainted[i]))
                {
                    if (!FollowLocalUse(reference))
                    {
                        return false;
                    }
                }
            }

            foreach (var local in writtenBack)
            {
                if (!tainted.Contains(local))
                {
                    return false;
                }
            }

            return true;
        }

        private bool FollowLocalUse(ILocalReferenceOperation reference)
        {
            switch (reference.Parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                    return true;
                case IArrayElementReferenceOperation { Indices.Length: 1 } element when element.ArrayReference == reference && IsInt(element.Indices[0]):
                    return FollowElement(element);
                case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } element when element.Instance == reference && IsInt(element.Arguments[0].Value):
                    return FollowElement(element);
            }

            return IsCopyDestination(reference) || FollowValue(reference);
        }

        /// <summary><c>hash[6] = …</c>, <c>hash[6] |= 0x50</c>, or <c>hash[6]</c> read to compute a byte written back into a digest local.</summary>
        private bool FollowElement(IOperation element)
        {
            if (element.Parent is IAssignmentOperation written && written.Target == element)
            {
                return true;
            }

            var current = element;
            for (var step = 0; step < MaxSteps; step++)
            {
                switch (current.Parent)
                {
                    case IConversionOperation or IParenthesizedOperation or IBinaryOperation:
                        current = current.Parent;
                        continue;
                    case ISimpleAssignmentOperation assignment when assignment.Value == current && ElementOfLocal(assignment.Target) is { } local:
                        writtenBack.Add(local);
                        return true;
                    default:
                        return false;
                }
            }

            return false;
        }

        private static bool IsInt(IOperation index) => index.Type?.SpecialType == SpecialType.System_Int32;

        private static ILocalSymbol? ElementOfLocal(IOperation target) => target switch
        {
            IArrayElementReferenceOperation { ArrayReference: ILocalReferenceOperation local } => local.Local,
            IPropertyReferenceOperation { Property.IsIndexer: true, Instance: ILocalReferenceOperation local } => local.Local,
            _ => null,
        };

        /// <summary>The local is written: the destination of a hash, copy or slice copy (not a read of the digest).</summary>
        private static bool IsCopyDestination(IOperation reference)
        {
            var current = reference;
            while (current.Parent is IConversionOperation conversion)
            {
                current = conversion;
            }

            if (current.Parent is not IArgumentOperation { Parameter.Name: "destination" or "destinationArray" or "dst", Parent: IInvocationOperation call })
            {
                return false;
            }

            var type = call.TargetMethod.ContainingType;
            var ns = type?.ContainingNamespace?.ToDisplayString();
            return ns == "System.Security.Cryptography"
                || (ns == "System" && type!.Name is "Array" or "Buffer" or "MemoryExtensions" or "Span" or "ReadOnlySpan");
        }

        private IEnumerable<ILocalReferenceOperation> References(ILocalSymbol local)
        {
            foreach (var operation in root.Descendants())
            {
                if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    yield return reference;
                }
            }
        }

        /// <summary>Strips implicit and explicit conversions.</summary>
        internal static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
