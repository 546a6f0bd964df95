using System.Globalization;
using System.Linq;
using Xunit;

namespace SecureServices.Dockerfile.Tests;

public sealed class SecretRuleTests
{
    // SSA7005
    [Fact]
    public void Secret_names_in_env_and_arg_are_reported_on_the_name()
        => Verify.Findings(
            "ARG {|SSA7005:NUGET_AUTH_TOKEN|}\nFROM alpine:3.20\nENV {|SSA7005:DB_PASSWORD|}=hunter2 {|SSA7005:ApiKey|}=\"x\"\nARG {|SSA7005:githubPat|}=\nENV {|SSA7005:JWT_SECRET|} legacy form value\nARG {|SSA7005:STORAGE_ACCESS_KEY|}\n",
            "SSA7005");

    [Theory]
    [InlineData("ENV DB_PASSWORD_FILE=/run/secrets/db")]
    [InlineData("ENV TOKEN_PATH=/var/run/token")]
    [InlineData("ARG NPM_TOKEN_VERSION=2")]
    [InlineData("ENV PUBLIC_KEY=abc")]
    [InlineData("ENV USERNAME=orders")]
    [InlineData("ENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D")]
    [InlineData("ENV PASSWORD_POLICY=strict")]
    [InlineData("ENV DB_PASSWORD=")]
    [InlineData("ENV SECRET_NAME=orders-db")]
    [InlineData("LABEL password=none")]
    public void Names_that_hold_no_secret_are_not_reported(string line)
        => Verify.None("FROM alpine:3.20\n" + line + "\n", "SSA7005");

    [Fact]
    public void Secret_name_message_names_the_instruction_but_not_the_value()
    {
        var f = Verify.Findings("FROM alpine:3.20\nENV {|SSA7005:DB_PASSWORD|}=hunter2\n", "SSA7005").Single();
        var message = f.GetMessage(CultureInfo.InvariantCulture);
        Assert.Equal("'DB_PASSWORD' passes a secret through ENV, which is stored in the image or its history; use 'RUN --mount=type=secret' at build time or a runtime secret", message);
        Assert.DoesNotContain("hunter2", message, System.StringComparison.Ordinal);
    }

    // SSA7006
    private static readonly string Aws = "AKIA" + "QZ7B3XK2M4N6P5R2";

    [Fact]
    public void Token_formats_are_found_in_env_run_and_heredocs_with_exact_spans()
    {
        var findings = Verify.Findings(
            "FROM alpine:3.20\nENV AWS_ACCESS_KEY_ID={|SSA7006:" + Aws + "|}\nRUN echo {|SSA7006:" + Aws + "|} > /k\nRUN <<EOF\nexport K={|SSA7006:" + Aws + "|}\nEOF\n",
            "SSA7006");
        var message = findings[0].GetMessage(CultureInfo.InvariantCulture);
        Assert.Equal("AWS access key id 'AKIA…' (20 characters) is written in the Dockerfile and ends up in the image and the repository; revoke it and pass it with 'RUN --mount=type=secret'", message);
        Assert.DoesNotContain(Aws, message, System.StringComparison.Ordinal);

        // In French the kind of token is French too, inside a sentence that agrees with any kind.
        Assert.Equal(
            "Secret de type « identifiant de clé d'accès AWS » ('AKIA…', 20 caractères) écrit dans le Dockerfile : il se retrouve dans l'image et le dépôt ; révoquez-le et transmettez-le avec « RUN --mount=type=secret »",
            findings[0].GetMessage(CultureInfo.GetCultureInfo("fr-CA")));
    }

    [Fact]
    public void Tokens_in_a_tab_stripped_heredoc_are_reported_after_the_stripped_tabs()
        => Verify.Findings(
            "FROM alpine:3.20\nRUN <<-EOF\n\texport K={|SSA7006:" + Aws + "|}\n\t\techo {|SSA7006:" + Aws + "|} x={|SSA7006:" + Aws + "|}\n{|SSA7006:" + Aws + "|}\n \t{|SSA7006:" + Aws + "|}\n\tEOF\nCOPY <<-EOF /k\n\t\t{|SSA7006:" + Aws + "|}\nEOF\n",
            "SSA7006");

    [Fact]
    public void Every_token_of_one_instruction_is_reported_once_with_its_exact_span()
    {
        // Several tokens in one RUN and one heredoc: the scan resumes after each finding (no copy of the rest).
        Verify.Findings(
            "FROM alpine:3.20\nRUN echo {|SSA7006:" + Aws + "|} {|SSA7006:" + Aws + "|};x={|SSA7006:" + Aws + "|}\n"
            + "RUN <<EOF\nexport A={|SSA7006:" + Aws + "|}\nexport B={|SSA7006:" + Aws + "|} C=\"{|SSA7006:" + Aws + "|}\"\nEOF\n",
            "SSA7006");
    }

    [Fact]
    public void Ordinary_values_are_not_tokens()
        => Verify.None("FROM alpine:3.20\nENV AWS_REGION=ca-central-1 IMAGE_DIGEST=sha256:0123456789abcdef0123456789abcdef\nRUN echo AKIAEXAMPLE\n", "SSA7006");

    // SSA7007
    [Fact]
    public void Secret_files_copied_into_the_final_image_are_reported()
        => Verify.Findings(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY {|SSA7007:.env|} {|SSA7007:certs/server.pfx|} /app/\nADD {|SSA7007:id_rsa|} /root/.ssh/\nCOPY [\"appsettings.Development.json\", \"/app/\"]\nCOPY {|SSA7007:.aws/|} /root/.aws/\n".Replace("COPY [\"appsettings.Development.json\", \"/app/\"]", "COPY {|SSA7007:[\"appsettings.Development.json\", \"/app/\"]|}"),
            "SSA7007");

    [Fact]
    public void Secret_files_in_build_stages_public_keys_and_templates_are_not_reported()
        => Verify.None(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nCOPY nuget.config id_rsa ./\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY id_rsa.pub .env.example appsettings.json /app/\nCOPY --from=build /app /app\n",
            "SSA7007");

    [Fact]
    public void Nuget_config_is_reported_only_when_it_carries_credentials()
    {
        const string Creds = "<configuration><packageSourceCredentials><feed><add key=\"ClearTextPassword\" value=\"x\" /></feed></packageSourceCredentials></configuration>";
        var withCreds = Verify.Context(null, ("nuget.config", Creds));
        Verify.Findings("FROM alpine:3.20\nCOPY {|SSA7007:nuget.config|} /\n", "SSA7007", context: withCreds);
        Verify.None("FROM alpine:3.20\nCOPY nuget.config /\n", "SSA7007", context: Verify.Context(null, ("nuget.config", "<configuration />")));
        Verify.None("FROM alpine:3.20\nCOPY nuget.config /\n", "SSA7007");
    }

    [Fact]
    public void Copy_dot_reports_the_secret_files_the_context_sends()
    {
        var context = Verify.Context("**/bin\n**/obj\n.git\n*.pfx\n", (".env", "A=1"), ("appsettings.Development.json", "{}"), (".npmrc", "registry=https://r/"));
        var findings = Verify.Findings("FROM alpine:3.20\nCOPY {|SSA7007:{|SSA7007:.|}|} /app\n", "SSA7007", context: context);
        Assert.Equal(new[] { ".env", "appsettings.Development.json" }, findings.Select(f => (string)f.MessageArguments[1]).OrderBy(s => s, System.StringComparer.Ordinal));
        var excluded = Verify.Context(".env\nappsettings.Development.json\n", (".env", "A=1"), ("appsettings.Development.json", "{}"));
        Verify.None("FROM alpine:3.20\nCOPY . /app\n", "SSA7007", context: excluded);
    }

    // SSA7008
    [Fact]
    public void Copy_dot_without_dockerignore_is_reported_when_the_context_is_known()
    {
        var f = Verify.Findings("FROM alpine:3.20\nWORKDIR /src\nCOPY {|SSA7008:.|} .\n", "SSA7008", context: Verify.Context(null)).Single();
        Assert.Equal("'COPY . .' copies the whole build context, but there is no .dockerignore beside it", f.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal("'COPY . .' copie tout le contexte de construction, mais il n'y a pas de .dockerignore à côté", f.GetMessage(new CultureInfo("fr-CA")));
    }

    [Fact]
    public void Incomplete_dockerignore_lists_what_it_lets_through()
    {
        var f = Verify.Findings("FROM alpine:3.20\nADD {|SSA7008:./|} /src\n", "SSA7008", context: Verify.Context("bin/\nobj/\n.git\n")).Single();
        Assert.Equal("'ADD ./ /src' copies the whole build context, but the .dockerignore does not exclude '**/bin', '**/obj', '.env', '*.pfx'", f.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("**/.git\n**/bin\n**/obj\n**/.env\n**/*.pfx\n!.git/HEAD\n")]
    [InlineData("*\n!src/\n!*.sln\nsrc/**/bin\nsrc/**/obj\n")]
    [InlineData(".git\n**/bin/\n**/obj/\n.env\n*.pfx\n# comment\n")]
    public void Adequate_dockerignore_or_unknown_context_or_explicit_sources_are_fine(string dockerignore)
    {
        Verify.None("FROM alpine:3.20\nCOPY . /src\n", "SSA7008", context: Verify.Context(dockerignore));
        Verify.None("FROM alpine:3.20\nCOPY . /src\n", "SSA7008");
        Verify.None("FROM alpine:3.20\nCOPY src/ /src\nCOPY --from=build . /x\n", "SSA7008", context: Verify.Context(null));
    }
}
