using System.Globalization;
using System.Linq;
using Xunit;

namespace SecureServices.Dockerfile.Tests;

public sealed class UserAndPortRuleTests
{
    // SSA7004
    [Fact]
    public void Missing_user_is_reported_on_the_final_from()
        => Verify.Findings(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet publish\n\n{|SSA7004:FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final|}\nCOPY --from=build /app .\n",
            "SSA7004");

    [Theory]
    [InlineData("USER {|SSA7004:root|}")]
    [InlineData("USER {|SSA7004:0|}")]
    [InlineData("USER {|SSA7004:0:0|}")]
    [InlineData("USER app\nUSER {|SSA7004:root:root|}")]
    public void Last_user_root_is_reported_on_the_user(string user)
        => Verify.Findings("FROM mcr.microsoft.com/dotnet/aspnet:10.0\n" + user + "\n", "SSA7004");

    [Fact]
    public void Root_user_resolved_through_arg_is_reported()
        => Verify.Findings("FROM alpine:3.20\nARG RUN_AS=root\nUSER {|SSA7004:$RUN_AS|}\n", "SSA7004");

    [Fact]
    public void Root_user_resolved_through_a_nested_default_is_reported()
        => Verify.Findings("FROM alpine:3.20\nARG RUN_AS\nARG FALLBACK=root\nUSER {|SSA7004:${RUN_AS:-${FALLBACK}}|}\n", "SSA7004");

    [Fact]
    public void Non_root_user_through_a_nested_default_is_not_reported()
        => Verify.None("FROM alpine:3.20\nARG RUN_AS\nARG FALLBACK=app\nUSER ${RUN_AS:-${FALLBACK:-root}}\n", "SSA7004");

    [Theory]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER app\n")]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER $APP_UID\n")]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER ${APP_UID}\n")]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\n")]
    [InlineData("FROM mcr.microsoft.com/dotnet/runtime-deps:9.0-jammy-chiseled-extra\n")]
    [InlineData("FROM gcr.io/distroless/static-debian12:nonroot\n")]
    [InlineData("FROM gcr.io/distroless/base-debian12:debug-nonroot\n")]
    [InlineData("FROM alpine:3.20\nUSER root\nRUN apk add --no-cache curl\nUSER 10001:10001\n")]
    [InlineData("FROM alpine:3.20 AS base\nUSER 1000\nFROM base\nRUN true\n")]
    [InlineData("FROM alpine:3.20\nARG UID\nUSER $UID\n")]
    [InlineData("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n")]
    [InlineData("FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8\n")]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-1809\n")]
    [InlineData("FROM acme/base:1\nSHELL [\"powershell\", \"-Command\"]\n")]
    public void Non_root_images_and_users_are_recognised(string text)
        => Verify.None(text, "SSA7004");

    [Fact]
    public void Build_stages_running_as_root_are_never_reported()
        => Verify.None("FROM alpine:3.20 AS build\nUSER root\nRUN make\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER app\n", "SSA7004");

    [Fact]
    public void Root_message_in_french()
    {
        var f = Verify.Findings("FROM alpine:3.20\nUSER {|SSA7004:root|}\n", "SSA7004").Single();
        Assert.StartsWith("L'image finale s'exécute en tant que 'root'", f.GetMessage(new CultureInfo("fr")), System.StringComparison.Ordinal);
    }

    // SSA7017
    [Fact]
    public void Remote_administration_ports_are_reported()
    {
        var f = Verify.Findings("FROM alpine:3.20\nEXPOSE 8080 {|SSA7017:22|} {|SSA7017:3389/tcp|}\nUSER 1000\n", "SSA7017");
        Assert.Equal("Port 22 (SSH) is exposed; containers are administered through the orchestrator ('kubectl exec'), not a remote shell", f[0].GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Ordinary_ports_are_not_remote_administration()
        => Verify.None("FROM alpine:3.20\nEXPOSE 8080 443 2222 8022/udp\n", "SSA7017");

    // SSA7018
    [Fact]
    public void Privileged_ports_under_a_non_root_user_are_reported_in_expose_and_aspnetcore_settings()
        => Verify.Findings(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_URLS={|SSA7018:http://+:80|}\nENV ASPNETCORE_HTTP_PORTS={|SSA7018:80|}\nARG P=443\nEXPOSE 8080 {|SSA7018:$P|}\nUSER app\n",
            "SSA7018");

    [Fact]
    public void Privileged_ports_are_not_this_rule_when_root_or_in_build_stages_or_unprivileged()
    {
        Verify.None("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nEXPOSE 80\n", "SSA7018");
        Verify.None("FROM alpine:3.20 AS build\nEXPOSE 80\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_HTTP_PORTS=8080\nEXPOSE 8080\nUSER app\n", "SSA7018");
        Verify.None("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_URLS=http://+:8080;https://+:8443\nUSER app\n", "SSA7018");
    }
}
