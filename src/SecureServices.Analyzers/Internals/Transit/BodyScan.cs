using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureServices.Analyzers.Internals.Transit
{
    /// <summary>Looks at the other operations of the method (or top-level program) an operation belongs to.</summary>
    internal static class BodyScan
    {
        public static IOperation Root(IOperation operation)
        {
            var current = operation;
            while (current.Parent != null)
            {
                current = current.Parent;
            }

            return current;
        }

        public static IEnumerable<IOperation> Descendants(IOperation operation) => DescendantsAndSelf(Root(operation));

        /// <summary>
        /// Where to look for the rest of an object's configuration: the object creation when the setting is in
        /// its initializer (<c>new SmtpClient("host") { EnableSsl = false }</c>), else the whole method.
        /// </summary>
        public static IOperation Scope(IOperation setting)
            => setting.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation } ? creation : Root(setting);

        public static IEnumerable<IOperation> DescendantsAndSelf(IOperation scope)
        {
            yield return scope;
            var stack = new Stack<IOperation>();
            stack.Push(scope);
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                foreach (var child in current.ChildOperations)
                {
                    yield return child;
                    stack.Push(child);
                }
            }
        }

        /// <summary>
        /// True when the method sets at least one host (through <paramref name="hostOf"/>) and every host it sets
        /// is loopback or allowed: the connection stays on the machine.
        /// </summary>
        public static bool OnlyLocalHosts(IOperation operation, Func<IOperation, IEnumerable<string?>> hostOf, System.Collections.Immutable.ImmutableArray<string> allowed)
        {
            var any = false;
            foreach (var candidate in DescendantsAndSelf(Scope(operation)))
            {
                foreach (var host in hostOf(candidate))
                {
                    if (host == null || !Endpoints.IsExempt(StripPort(host), allowed))
                    {
                        return false;
                    }

                    any = true;
                }
            }

            return any;
        }

        /// <summary>"redis:6379" → "redis"; "[::1]:6379" → "[::1]"; "tcp:db,1433" → "db"; "db\\SQLEXPRESS" → "db".</summary>
        public static string StripPort(string host)
        {
            host = host.Trim();
            if (host.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase))
            {
                host = host.Substring(4);
            }

            if (host.StartsWith("[", StringComparison.Ordinal))
            {
                var close = host.IndexOf(']');
                return close > 0 ? host.Substring(0, close + 1) : host;
            }

            var cut = host.IndexOfAny(new[] { ':', ',', '\\', '/' });
            return cut > 0 ? host.Substring(0, cut) : host;
        }
    }
}
