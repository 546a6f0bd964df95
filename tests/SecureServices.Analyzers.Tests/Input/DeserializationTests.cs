using System.Threading.Tasks;
using SecureServices.Analyzers.CodeFixes.Input;
using Xunit;
using D = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Input.InsecureDeserializerAnalyzer>;
using J = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Input.JsonNetTypeNameHandlingAnalyzer>;

namespace SecureServices.Analyzers.Tests.Input;

public sealed class DeserializationTests
{
    private const string LegacyTypes = """

        namespace System.Web.Script.Serialization
        {
            public abstract class JavaScriptTypeResolver { }
            public sealed class SimpleTypeResolver : JavaScriptTypeResolver { }
            public sealed class JavaScriptSerializer
            {
                public JavaScriptSerializer() { }
                public JavaScriptSerializer(JavaScriptTypeResolver resolver) { }
                public T Deserialize<T>(string input) => default!;
            }
        }

        namespace System.Runtime.Serialization
        {
            public sealed class NetDataContractSerializer
            {
                public object ReadObject(System.IO.Stream stream) => null!;
                public void WriteObject(System.IO.Stream stream, object graph) { }
            }
        }
        """;

    [Fact]
    public Task Deserializing_with_insecure_formatters_is_reported() => D.AnalyzerAsync("""
        #pragma warning disable SYSLIB0011
        using System.IO;
        using System.Runtime.Serialization;
        using System.Runtime.Serialization.Formatters.Binary;
        using System.Web.Script.Serialization;

        public sealed class Cache
        {
            public object Load(Stream stream)
            {
                var formatter = new BinaryFormatter();
                var a = {|SSA4020:formatter.Deserialize|}(stream);
                var b = {|SSA4020:new NetDataContractSerializer().ReadObject|}(stream);
                IFormatter viaInterface = new BinaryFormatter();
                var c = {|SSA4020:viaInterface.Deserialize|}(stream);
                var serializer = {|SSA4020:new JavaScriptSerializer(new SimpleTypeResolver())|};
                return serializer.Deserialize<object>("{}");
            }
        }
        """ + LegacyTypes);

    [Fact]
    public Task Serializing_only_and_safe_serializers_are_not_reported() => D.AnalyzerAsync("""
        #pragma warning disable SYSLIB0011
        using System.IO;
        using System.Runtime.Serialization;
        using System.Runtime.Serialization.Formatters.Binary;
        using System.Web.Script.Serialization;

        public sealed class Cache
        {
            public object Save(Stream stream, object value)
            {
                new BinaryFormatter().Serialize(stream, value);
                new NetDataContractSerializer().WriteObject(stream, value);
                var plain = new JavaScriptSerializer();
                var none = new JavaScriptSerializer(null!);
                IFormatter unknown = Create();
                unknown.Serialize(stream, value);
                return System.Text.Json.JsonSerializer.Deserialize<string>("\"x\"")!;
            }

            private static IFormatter Create() => new BinaryFormatter();
        }
        """ + LegacyTypes);

    [Fact]
    public Task TypeNameHandling_other_than_None_is_reported() => J.AnalyzerAsync("""
        using Newtonsoft.Json;

        public sealed class Envelope
        {
            [JsonProperty(TypeNameHandling = {|SSA4021:TypeNameHandling.Auto|})]
            public object? Payload { get; set; }
        }

        public static class Json
        {
            public static readonly JsonSerializerSettings Settings = new() { TypeNameHandling = {|SSA4021:TypeNameHandling.All|} };

            public static JsonSerializer Create()
            {
                var serializer = new JsonSerializer();
                serializer.TypeNameHandling = {|SSA4021:TypeNameHandling.Objects|};
                return serializer;
            }
        }
        """);

    [Fact]
    public Task None_variables_and_binder_restricted_settings_are_not_reported() => J.AnalyzerAsync("""
        using Newtonsoft.Json;
        using Newtonsoft.Json.Serialization;

        public static class Json
        {
            public static readonly JsonSerializerSettings Plain = new() { TypeNameHandling = TypeNameHandling.None };

            public static readonly JsonSerializerSettings Restricted = new()
            {
                TypeNameHandling = TypeNameHandling.Auto,
                SerializationBinder = new KnownTypesBinder(),
            };

            public static JsonSerializerSettings Configured(TypeNameHandling handling)
            {
                var settings = new JsonSerializerSettings { TypeNameHandling = handling };
                var bound = new JsonSerializerSettings();
                bound.TypeNameHandling = TypeNameHandling.Objects;
                bound.SerializationBinder = new KnownTypesBinder();
                return settings;
            }
        }

        public sealed class KnownTypesBinder : DefaultSerializationBinder { }
        """);

    [Fact]
    public Task TypeNameHandling_fix_sets_None_everywhere() => J.CodeFixAsync<UseTypeNameHandlingNoneCodeFix>("""
        using Newtonsoft.Json;

        public sealed class Envelope
        {
            [JsonProperty(ItemTypeNameHandling = {|SSA4021:TypeNameHandling.All|})]
            public object[]? Items { get; set; }

            public static readonly JsonSerializerSettings Settings = new() { TypeNameHandling = {|SSA4021:Newtonsoft.Json.TypeNameHandling.Arrays|} };
        }
        """, """
        using Newtonsoft.Json;

        public sealed class Envelope
        {
            [JsonProperty(ItemTypeNameHandling = TypeNameHandling.None)]
            public object[]? Items { get; set; }

            public static readonly JsonSerializerSettings Settings = new() { TypeNameHandling = Newtonsoft.Json.TypeNameHandling.None };
        }
        """);
}
