using System.Globalization;
using System.Linq;
using Xunit;

namespace SecureServices.Dockerfile.Tests;

public sealed class InstructionRuleTests
{
    private const string From = "FROM alpine:3.20\n";

    // SSA7009 / SSA7010
    [Fact]
    public void Add_of_plain_files_is_reported_on_the_keyword()
    {
        var f = Verify.Findings(From + "{|SSA7009:ADD|} app.dll config.json /app/\n{|SSA7009:ADD|} <<EOF /etc/motd\nhello\nEOF\n", "SSA7009");
        Assert.Equal("Use COPY instead of ADD for 'app.dll'; ADD also fetches URLs and unpacks archives, which hides what enters the image", f[0].GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Add_of_archives_urls_and_git_is_not_the_copy_rule()
        => Verify.None(From + "ADD rootfs.tar.gz /\nADD --checksum=sha256:abc https://x.io/a.bin /a\nADD git@github.com:acme/repo.git /src\n", "SSA7009");

    [Fact]
    public void Remote_add_without_checksum_is_reported_on_the_url()
        => Verify.Findings(From + "ADD {|SSA7010:https://x.io/tool.tgz|} /opt/\nADD --checksum=sha256:abc https://x.io/b /b\nADD https://github.com/acme/repo.git /src\n", "SSA7010");

    [Fact]
    public void Remote_add_message_never_echoes_url_credentials()
    {
        var f = Verify.Findings(From + "ADD {|SSA7010:https://ghp_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78@x.io/t.tgz|} /opt/\n", "SSA7010");
        var message = f[0].GetMessage(CultureInfo.InvariantCulture);
        Assert.DoesNotContain("Ab12Cd34", message);
        Assert.Contains("https://***@x.io/t.tgz", message);
    }

    // SSA7020
    [Theory]
    [InlineData("ENV ASPNETCORE_ENVIRONMENT={|SSA7020:Development|}")]
    [InlineData("ENV DOTNET_ENVIRONMENT={|SSA7020:\"development\"|}")]
    [InlineData("ARG ENVIRONMENT=Development\nENV ASPNETCORE_ENVIRONMENT={|SSA7020:$ENVIRONMENT|}")]
    public void Development_environment_in_the_final_image_is_reported(string line)
        => Verify.Findings("FROM mcr.microsoft.com/dotnet/aspnet:10.0\n" + line + "\n", "SSA7020");

    // The value as BuildKit's lexer gives it: a double-quoted '$' expands, an escaped or single-quoted one stays the text
    // "$E"; a stage "ARG E" without default takes the global value (the meta ARG), even one redeclared without default.
    [Theory]
    [InlineData(@"ENV ASPNETCORE_ENVIRONMENT={|SSA7020:""$E""|}")]
    [InlineData(@"ENV ASPNETCORE_ENVIRONMENT={|SSA7020:""${E}""|} OTHER=\$E")]
    [InlineData(@"ENV DOTNET_ENVIRONMENT={|SSA7020:Dev""elop""'ment'|}")]
    [InlineData("ENV X=\"$E\"\nENV DOTNET_ENVIRONMENT={|SSA7020:$X|}")]
    public void Development_environment_through_quotes_and_the_meta_arg_is_reported(string line)
        => Verify.Findings("ARG E=Development\nARG E\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nARG E\n" + line + "\n", "SSA7020");

    [Theory]
    [InlineData(@"ENV ASPNETCORE_ENVIRONMENT=\$E")]
    [InlineData(@"ENV ASPNETCORE_ENVIRONMENT='$E'")]
    [InlineData(@"ENV ASPNETCORE_ENVIRONMENT=""\$E""")]
    [InlineData("ENV X=\\$E\nENV DOTNET_ENVIRONMENT=$X")]      // X is the text "$E", not expanded a second time
    [InlineData("ENV X='${E}'\nENV DOTNET_ENVIRONMENT=\"$X\"")]
    [InlineData("ENV X=\"$E\" DOTNET_ENVIRONMENT=$X")]        // one ENV expands with the variables before it: X is unset
    public void An_escaped_or_single_quoted_dollar_is_not_the_variable(string line)
        => Verify.None("ARG E=Development\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nARG E\n" + line + "\n", "SSA7020");

    [Fact]
    public void Production_environment_or_build_stage_development_is_fine()
        => Verify.None("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS test\nENV ASPNETCORE_ENVIRONMENT=Development\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_ENVIRONMENT=Production\nARG E\nENV DOTNET_ENVIRONMENT=$E\n", "SSA7020");

    // SSA7021
    [Fact]
    public void Shell_form_entrypoint_and_cmd_of_the_final_image_are_reported()
    {
        var f = Verify.Findings("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENTRYPOINT {|SSA7021:dotnet App.dll|}\n", "SSA7021").Single();
        Assert.StartsWith("ENTRYPOINT uses the shell form", f.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Verify.Findings("FROM alpine:3.20 AS base\nCMD {|SSA7021:./run.sh --port 8080|}\nFROM base\nRUN true\n", "SSA7021");
    }

    [Fact]
    public void Exec_form_overridden_or_build_stage_shell_forms_are_fine()
        => Verify.None("FROM alpine:3.20 AS build\nCMD make\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nCMD echo old\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n", "SSA7021");

    // SSA7022
    [Fact]
    public void Earlier_cmd_entrypoint_and_healthcheck_of_a_stage_are_reported()
    {
        var f = Verify.Findings(
            From + "{|SSA7022:CMD|} [\"a\"]\n{|SSA7022:HEALTHCHECK|} CMD true\nCMD [\"b\"]\nHEALTHCHECK NONE\nENTRYPOINT [\"x\"]\n",
            "SSA7022");
        Assert.Equal("This CMD has no effect: the CMD on line 4 replaces it", f[0].GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void One_of_each_per_stage_is_fine()
        => Verify.None(From + "CMD [\"a\"]\nFROM alpine:3.20\nCMD [\"b\"]\nENTRYPOINT [\"x\"]\n", "SSA7022");

    // SSA7023 / SSA7027
    [Fact]
    public void Missing_healthcheck_and_labels_are_reported_on_the_final_from()
        => Verify.Findings(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nHEALTHCHECK CMD true\nLABEL org.opencontainers.image.version=1\n{|SSA7023:{|SSA7027:{|SSA7027:FROM mcr.microsoft.com/dotnet/aspnet:10.0|}|}|}\n",
            new[] { "SSA7023", "SSA7027" });

    [Fact]
    public void Healthcheck_none_and_labels_inherited_through_stages_count()
        => Verify.None(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base\nLABEL org.opencontainers.image.source=https://github.com/acme/x \\\n      org.opencontainers.image.version=\"1.2.3\"\nFROM base\nHEALTHCHECK NONE\n",
            new[] { "SSA7023", "SSA7027" }.First());

    [Fact]
    public void Labels_present_means_no_label_finding()
        => Verify.None(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base\nLABEL org.opencontainers.image.source=https://github.com/acme/x org.opencontainers.image.version=1\n",
            "SSA7027");

    // SSA7024
    [Fact]
    public void Relative_workdir_is_reported()
        => Verify.Findings(From + "WORKDIR {|SSA7024:app|}\nARG D=src\nWORKDIR {|SSA7024:$D|}\n", "SSA7024");

    [Fact]
    public void Relative_workdir_from_the_meta_arg_or_quotes_is_reported()
        => Verify.Findings(
            "ARG D=app\nARG D\nFROM alpine:3.20\nARG D\nWORKDIR {|SSA7024:$D|}\nWORKDIR {|SSA7024:\"$D/x\"|}\nWORKDIR {|SSA7024:'a'/b|}\nWORKDIR '/'x\n",
            "SSA7024");

    [Fact]
    public void Workdir_quotes_and_escapes_are_removed_once()
        => Verify.None(From + "ENV R=rel\nWORKDIR \"/srv/$R\"\nWORKDIR '/$R'\nWORKDIR /x\\$R\nWORKDIR \\/y\n", "SSA7024");

    [Fact]
    public void Absolute_or_unknown_workdir_is_fine()
        => Verify.None(From + "WORKDIR /app\nWORKDIR \"/my app\"\nARG HOME_DIR\nWORKDIR $HOME_DIR\nENV APP=/srv\nWORKDIR ${APP}/x\nWORKDIR C:\\\\app\n", "SSA7024");

    // SSA7028
    [Fact]
    public void Maintainer_is_reported()
        => Verify.Findings(From + "{|SSA7028:MAINTAINER|} ops@example.com\n", "SSA7028");

    [Fact]
    public void Authors_label_is_fine()
        => Verify.None(From + "LABEL org.opencontainers.image.authors=ops@example.com\n", "SSA7028");
}
