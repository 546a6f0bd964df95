using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureServices.Analyzers.Internals.Crypto
{
    /// <summary>
    /// MD5/SHA-1 uses a standard mandates, decided from the data flow inside the method (<see cref="DigestFlow"/>):
    /// a name-based UUID (RFC 4122 §4.3 / RFC 9562: version 3 is MD5, version 5 is SHA-1), where every use of the
    /// digest ends in <c>new Guid(…)</c>; and the HTTP <c>Content-MD5</c> header (RFC 1864, MD5 only), where every
    /// use ends in <c>HttpContentHeaders.ContentMD5</c>, <c>IHeaderDictionary.ContentMD5</c>, or the value of a
    /// header named <c>Content-MD5</c> added through a header collection's <c>Add</c>/<c>TryAddWithoutValidation</c>/
    /// <c>Append</c>/<c>Set</c>/<c>TryAdd</c> or indexer. Types are resolved once per compilation.
    /// </summary>
    internal sealed class StandardMandatedDigest
    {
        private const string ContentMd5 = "Content-MD5";

        private readonly INamedTypeSymbol? guid;
        private readonly INamedTypeSymbol? httpContentHeaders;
        private readonly INamedTypeSymbol? httpHeaders;
        private readonly INamedTypeSymbol? webHeaderCollection;
        private readonly INamedTypeSymbol? headerDictionary;
        private readonly INamedTypeSymbol? headerNames;
        private readonly Func<IOperation, bool> isGuidInput;
        private readonly Func<IOperation, bool> isContentMd5Value;

        private StandardMandatedDigest(Compilation compilation)
        {
            guid = compilation.GetTypeByMetadataName("System.Guid");
            httpContentHeaders = compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpContentHeaders");
            httpHeaders = compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpHeaders");
            webHeaderCollection = compilation.GetTypeByMetadataName("System.Net.WebHeaderCollection");
            headerDictionary = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IHeaderDictionary");
            headerNames = compilation.GetTypeByMetadataName("Microsoft.Net.Http.Headers.HeaderNames");
            isGuidInput = IsGuidConstructorArgument;
            isContentMd5Value = IsContentMd5Value;
        }

        public static StandardMandatedDigest Create(Compilation compilation) => new StandardMandatedDigest(compilation);

        /// <summary><paramref name="algorithm"/> is the analyzer's name for what <paramref name="flagged"/> computes ("MD5", "SHA-1", "HMAC-…").</summary>
        public bool IsMandatedUse(IOperation flagged, string algorithm)
        {
            if (algorithm != "MD5" && algorithm != "SHA-1")
            {
                return false;
            }

            if (guid != null && DigestFlow.AllUsesEndIn(flagged, isGuidInput, throughBase64: false))
            {
                return true;
            }

            return algorithm == "MD5"
                && (httpContentHeaders != null || webHeaderCollection != null || headerDictionary != null)
                && DigestFlow.AllUsesEndIn(flagged, isContentMd5Value, throughBase64: true);
        }

        private bool IsGuidConstructorArgument(IOperation value)
            => value.Parent is IArgumentOperation { Parent: IObjectCreationOperation creation }
                && SymbolEqualityComparer.Default.Equals(creation.Type, guid);

        private bool IsContentMd5Value(IOperation value)
        {
            switch (value.Parent)
            {
                // request.Content.Headers.ContentMD5 = digest;  context.Response.Headers.ContentMD5 = base64;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: false } property } assignment
                    when assignment.Value == value:
                    return property.Property.Name == "ContentMD5"
                        && (SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, httpContentHeaders)
                            || SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, headerDictionary));

                // headers["Content-MD5"] = base64;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } assignment
                    when assignment.Value == value:
                    return IsHeaderCollection(indexer.Instance?.Type) && IsContentMd5Name(indexer.Arguments[0].Value);

                // headers.Add("Content-MD5", base64), TryAddWithoutValidation, Append, Set, TryAdd.
                case IArgumentOperation { Parameter.Name: "value" or "values", Parent: IInvocationOperation call }:
                    if (call.TargetMethod.Name is not ("Add" or "TryAddWithoutValidation" or "Append" or "Set" or "TryAdd"))
                    {
                        return false;
                    }

                    var receiver = call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
                    if (receiver == null || !IsHeaderCollection(DigestFlow.Unwrap(receiver).Type))
                    {
                        return false;
                    }

                    foreach (var argument in call.Arguments)
                    {
                        if (argument.Parameter?.Name is "name" or "key")
                        {
                            return IsContentMd5Name(argument.Value);
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        private bool IsHeaderCollection(ITypeSymbol? type)
        {
            if (type == null)
            {
                return false;
            }

            if (TypeHierarchy.DerivesFrom(type, httpHeaders) || TypeHierarchy.DerivesFrom(type, webHeaderCollection))
            {
                return true;
            }

            if (headerDictionary == null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type, headerDictionary))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, headerDictionary))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A constant equal to "Content-MD5" (any case), or <c>HeaderNames.ContentMD5</c> (static readonly, not const).</summary>
        private bool IsContentMd5Name(IOperation name)
        {
            name = DigestFlow.Unwrap(name);
            if (name.ConstantValue is { HasValue: true, Value: string text })
            {
                return string.Equals(text, ContentMd5, StringComparison.OrdinalIgnoreCase);
            }

            return name is IFieldReferenceOperation { Field.Name: "ContentMD5" } field
                && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, headerNames);
        }
    }
}
