using System.Globalization;
using System.Linq;
using SecureServices.Dockerfile;
using Xunit;

namespace SecureServices.Dockerfile.Tests;

public sealed class ImageRuleTests
{
    // SSA7001
    [Fact]
    public void Untagged_and_latest_images_are_reported_after_arg_resolution()
        => Verify.Findings(
            "ARG TAG=latest\nFROM {|SSA7001:mcr.microsoft.com/dotnet/sdk:${TAG}|} AS build\nFROM {|SSA7001:alpine|}\nFROM {|SSA7001:redis:LATEST|}\n",
            "SSA7001");

    [Fact]
    public void Tags_digests_stages_scratch_and_unknown_args_are_not_reported()
        => Verify.None(
            "ARG TAG=10.0\nARG FREE\nFROM mcr.microsoft.com/dotnet/sdk:${TAG} AS build\nFROM build AS again\nFROM scratch\nFROM alpine@sha256:0123\nFROM localhost:5000/app\nFROM img:$FREE\n".Replace("FROM localhost:5000/app\n", "FROM localhost:5000/app:1\n"),
            "SSA7001");

    // A redeclared meta ARG keeps its value (BuildKit's buildMetaArgs), and quotes are removed in the lexer pass.
    [Theory]
    [InlineData("ARG TAG=latest\nARG TAG\nFROM {|SSA7001:img:$TAG|}")]
    [InlineData("ARG TAG=lat'est'\nFROM {|SSA7001:img:$TAG|}")]
    [InlineData("ARG TAG=\"latest\"\nFROM {|SSA7001:\"img:$TAG\"|}")]
    [InlineData("ARG TAG=8.0\nARG TAG\nFROM alpine:3.20\nARG TAG\nCOPY {|SSA7001:--from=nginx:${TAG:+latest}|} /a /a")]
    public void Redeclared_and_quoted_args_resolve_as_buildkit_does(string text)
        => Verify.Findings(text + "\n", "SSA7001");

    [Theory]
    [InlineData("ARG TAG=latest\nARG TAG\nARG TAG=8.0\nFROM img:$TAG")]
    [InlineData("ARG TAG=8.0\nARG T='${TAG:-latest}'\nFROM img:${T#*-}")]
    public void Redeclared_and_quoted_args_with_a_pinned_tag_are_fine(string text)
        => Verify.None(text + "\n", "SSA7001");

    // Nested defaults as BuildKit expands them: the finding depends on the substituted tag.
    [Theory]
    [InlineData("ARG REGISTRY\nARG BASE=${REGISTRY:-mcr.microsoft.com}/dotnet/aspnet:${TAG:-latest}\nFROM {|SSA7001:$BASE|}")]
    [InlineData("ARG BASE=${REGISTRY:-mcr.microsoft.com}/dotnet/aspnet\nFROM {|SSA7001:${BASE}|}")]
    [InlineData("ARG TAG\nFROM {|SSA7001:mcr.microsoft.com/dotnet/aspnet:${TAG:-${FALLBACK:-latest}}|}")]
    [InlineData("ARG SUFFIX=x\nFROM {|SSA7001:img${SUFFIX:+${NONE:-}}|}")]
    [InlineData("FROM alpine:3.20\nARG TAG=latest\nCOPY {|SSA7001:--from=nginx:${TAG:-${X}}|} /a /a")]
    public void Nested_default_values_are_substituted_before_the_tag_is_judged(string text)
        => Verify.Findings(text + "\n", "SSA7001");

    [Theory]
    [InlineData("ARG REGISTRY\nARG BASE=${REGISTRY:-mcr.microsoft.com}/dotnet/aspnet:${TAG:-8.0}\nFROM $BASE")]
    [InlineData("ARG TAG\nFROM mcr.microsoft.com/dotnet/aspnet:${TAG:-${FALLBACK:-8.0}}")]
    [InlineData("ARG V=8.0.1\nFROM mcr.microsoft.com/dotnet/aspnet:${V%.*}")]
    [InlineData("ARG BASE=img:${TAG:-${X}\nFROM $BASE")]
    [InlineData("FROM img:${TAG:-${X}")]
    public void Pinned_or_unresolvable_nested_values_are_not_reported(string text)
        => Verify.None(text + "\n", "SSA7001");

    [Fact]
    public void Untagged_images_in_copy_from_and_mount_from_are_reported_but_stages_are_not()
        => Verify.Findings(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN {|SSA7001:--mount=type=bind,from=ghcr.io/acme/tools,target=/t|} make\nFROM alpine:3.20\nARG PROXY=nginx\nCOPY {|SSA7001:--from=${PROXY}|} /etc/nginx /etc/nginx\nCOPY --from=build /app /app\nCOPY --from=0 /x /x\nCOPY --from=nginx:1.27 /a /a\n",
            "SSA7001");

    [Fact]
    public void Copy_from_names_an_earlier_stage_case_insensitively_its_own_or_a_later_one_is_an_image()
        => Verify.Findings(
            "FROM alpine:3.20 AS Tools\nFROM alpine:3.20\nCOPY {|SSA7001:--from=later|} /a /a\nCOPY --from=TOOLS /b /b\nFROM alpine:3.20 AS later\nCOPY {|SSA7001:--from=later|} /c /c\nCOPY --from=tools /d /d\n",
            "SSA7001");

    // SSA7002
    [Fact]
    public void Digest_is_required_only_when_the_option_is_on()
    {
        const string Text = "FROM {|SSA7002:mcr.microsoft.com/dotnet/sdk:10.0|} AS build\nFROM build AS x\nFROM mcr.microsoft.com/dotnet/aspnet:10.0@sha256:abcd\nFROM {|SSA7002:alpine:3.20|}\n";
        Verify.Findings(Text, "SSA7002", Verify.Options(("secureservices.require_image_digest", "true")));
        Verify.None(Verify.Parse(Text).Text, "SSA7002");
        Verify.None(Verify.Parse(Text).Text, "SSA7002", Verify.Options(("secureservices.require_image_digest", "false")));
    }

    // SSA7003
    [Fact]
    public void Images_outside_trusted_registries_are_reported_in_from_copy_from_and_mount_from()
    {
        var options = Verify.Options(("secureservices.trusted_registries", "mcr.microsoft.com, myregistry.azurecr.io/platform"));
        Verify.Findings(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\n"
            + "RUN {|SSA7003:--mount=type=bind,from=ghcr.io/acme/tools:1,target=/t|} make\n"
            + "COPY {|SSA7003:--from=nginx:1.27|} /etc/nginx /etc/nginx\n"
            + "FROM {|SSA7003:myregistry.azurecr.io/other/base:1|}\n"
            + "FROM {|SSA7003:alpine:3.20|}\n"
            + "FROM myregistry.azurecr.io/platform/base:1\n"
            + "COPY --from=build /app /app\n"
            + "COPY --from=0 /app /app2\n",
            "SSA7003",
            options);
    }

    [Fact]
    public void Bare_names_mean_docker_hub_library()
    {
        var options = Verify.Options(("secureservices.trusted_registries", "docker.io/library"));
        Verify.Findings("FROM alpine:3.20\nFROM {|SSA7003:bitnami/redis:7|}\nFROM docker.io/library/nginx:1\n", "SSA7003", options);
    }

    [Fact]
    public void No_option_means_no_registry_finding()
        => Verify.None("FROM ghcr.io/acme/app:1\n", "SSA7003");

    [Fact]
    public void Registry_message_names_image_and_registry()
    {
        var f = Verify.Findings("FROM {|SSA7003:ghcr.io/acme/app:1|}\n", "SSA7003", Verify.Options(("secureservices.trusted_registries", "mcr.microsoft.com"))).Single();
        Assert.Equal("Image 'ghcr.io/acme/app:1' comes from 'ghcr.io', which is not in secureservices.trusted_registries", f.GetMessage(CultureInfo.InvariantCulture));
    }

    // SSA7019
    [Fact]
    public void Sdk_image_in_the_final_stage_is_reported_even_through_a_stage_chain()
    {
        Verify.Findings("FROM {|SSA7019:mcr.microsoft.com/dotnet/sdk:10.0|}\nRUN dotnet publish\n", "SSA7019");
        Verify.Findings("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nFROM {|SSA7019:build|}\n", "SSA7019");
        Verify.Findings("FROM {|SSA7019:golang:1.23|}\n", "SSA7019");
    }

    [Fact]
    public void Sdk_image_in_a_build_stage_is_fine()
        => Verify.None("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet publish\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY --from=build /app /app\n", "SSA7019");
}
