using System.Globalization;
using System.Linq;
using Xunit;

namespace SecureServices.Dockerfile.Tests;

public sealed class RunRuleTests
{
    private const string From = "FROM alpine:3.20\n";

    // SSA7011
    [Theory]
    [InlineData("RUN {|SSA7011:curl -fsSL https://get.example.com | sh|}")]
    [InlineData("RUN {|SSA7011:wget -qO- https://x.io/install.sh | sudo -E bash|} -s -- --yes")]
    [InlineData("RUN set -e && {|SSA7011:curl https://sh.rustup.rs \\\n   | sh|} -s -- -y")]
    [InlineData("RUN {|SSA7011:sh -c \"$(curl -fsSL https://x.io/i.sh)\"|}")]
    [InlineData("RUN {|SSA7011:bash <(curl -s https://x.io/i.sh)|}")]
    [InlineData("RUN <<EOF\n{|SSA7011:curl -sL https://deb.nodesource.com/setup_20.x | bash|} -\nEOF")]
    public void Downloads_piped_into_an_interpreter_are_reported(string run)
        => Verify.Findings(From + run + "\n", "SSA7011");

    [Theory]
    [InlineData("RUN curl -fsSL https://x.io/a.tgz | tar xz -C /opt")]
    [InlineData("RUN curl -fsSLo /tmp/i.sh https://x.io/i.sh && echo \"abc  /tmp/i.sh\" | sha256sum -c - && sh /tmp/i.sh")]
    [InlineData("RUN echo 'curl https://x | sh' > /doc.txt")]
    [InlineData("RUN cat script.sh | sh")]
    public void Verified_or_non_script_downloads_are_not_reported(string run)
        => Verify.None(From + run + "\n", "SSA7011");

    // SSA7012
    [Theory]
    [InlineData("RUN curl {|SSA7012:-k|} https://x.io/a -o a")]
    [InlineData("RUN curl {|SSA7012:-fsSLk|} https://x.io/a -o a")]
    [InlineData("RUN curl {|SSA7012:--insecure|} https://x.io/a -o a")]
    [InlineData("RUN wget {|SSA7012:--no-check-certificate|} https://x.io/a")]
    [InlineData("RUN pip install {|SSA7012:--trusted-host|} pypi.internal -r req.txt")]
    [InlineData("RUN python3 -m pip install {|SSA7012:--trusted-host=pypi.internal|} flask")]
    [InlineData("RUN npm config set {|SSA7012:strict-ssl|} false")]
    [InlineData("RUN {|SSA7012:NODE_TLS_REJECT_UNAUTHORIZED=0|} npm ci")]
    [InlineData("RUN export {|SSA7012:GIT_SSL_NO_VERIFY=1|} && git clone https://x/y.git")]
    [InlineData("RUN apt-get install -y {|SSA7012:--allow-unauthenticated|} curl")]
    [InlineData("RUN dnf install -y {|SSA7012:--nogpgcheck|} x.rpm && dnf clean all")]
    [InlineData("RUN apk add --no-cache {|SSA7012:--allow-untrusted|} /tmp/x.apk")]
    [InlineData("RUN git -c {|SSA7012:http.sslVerify=false|} clone https://x/y.git")]
    [InlineData("RUN git config --global {|SSA7012:http.sslVerify|} false")]
    [InlineData("ENV {|SSA7012:NODE_TLS_REJECT_UNAUTHORIZED=0|}")]
    public void Switched_off_verification_is_reported_on_the_option(string line)
        => Verify.Findings(From + line + "\n", "SSA7012");

    // <<- removes the leading tabs of each body line (and of the terminator): the finding still points at the
    // option where it is in the file, after the tabs, whatever the indentation.
    [Theory]
    [InlineData("RUN <<-EOF\n\tcurl {|SSA7012:-k|} https://x.io/a -o a\n\tEOF")]
    [InlineData("RUN <<-EOF\n\t\tcurl {|SSA7012:-k|} https://x.io/a -o a\nEOF")]
    [InlineData("RUN <<-EOF\ncurl {|SSA7012:-k|} https://x.io/a -o a\n\t\tEOF")]
    [InlineData("RUN <<-EOF\n\t  \tcurl {|SSA7012:-k|} https://x.io/a -o a\nEOF")]
    [InlineData("RUN <<-EOF\n  \tcurl {|SSA7012:-k|} https://x.io/a -o a\nEOF")]
    [InlineData("RUN <<-EOF\n\tset -e\n\n\t\tcurl -fsSL https://x.io/b -o b \\\n\t\t\t&& curl {|SSA7012:--insecure|} https://x.io/a -o a\n\tEOF")]
    [InlineData("RUN <<EOF\n\tcurl {|SSA7012:-k|} https://x.io/a -o a\nEOF")]
    public void Switched_off_verification_in_a_tab_stripped_heredoc_is_reported_where_it_is_written(string run)
        => Verify.Findings(From + run + "\n", "SSA7012");

    [Theory]
    [InlineData("RUN curl -fsSL -K /etc/curlrc https://x.io/a -o a")]
    [InlineData("RUN git config --global http.sslVerify true")]
    [InlineData("RUN echo --insecure")]
    [InlineData("ENV NODE_TLS_REJECT_UNAUTHORIZED=1")]
    [InlineData("RUN wget -q https://x.io/a")]
    public void Verification_left_on_is_not_reported(string line)
        => Verify.None(From + line + "\n", "SSA7012");

    // SSA7013
    [Fact]
    public void Apt_get_install_without_flags_and_cleanup_is_reported_once_per_problem()
    {
        var findings = Verify.Findings(
            "FROM debian:12\nRUN apt-get update && {|SSA7013:{|SSA7013:{|SSA7013:apt-get install|}|}|} curl\n",
            "SSA7013");
        Assert.Equal(
            new[]
            {
                "'apt-get install': add -y; the build cannot answer the confirmation prompt",
                "'apt-get install': add --no-install-recommends so only the packages you asked for are installed",
                "'apt-get install': remove /var/lib/apt/lists/* in the same RUN so the package index does not ship in the image",
            },
            findings.Select(f => f.GetMessage(CultureInfo.InvariantCulture)));
        Assert.Equal("'apt-get install' : ajoutez -y ; la construction ne peut pas répondre à la demande de confirmation", findings[0].GetMessage(new CultureInfo("fr")));
    }

    [Theory]
    [InlineData("RUN {|SSA7013:apt-get upgrade|} -y")]
    [InlineData("RUN {|SSA7013:apt-get dist-upgrade|}")]
    [InlineData("RUN {|SSA7013:apk add|} curl")]
    [InlineData("RUN {|SSA7013:apk upgrade|}")]
    [InlineData("RUN {|SSA7013:dnf install|} -y git")]
    [InlineData("RUN {|SSA7013:yum update|} -y")]
    [InlineData("RUN {|SSA7013:microdnf install|} -y git")]
    public void Other_package_manager_problems_are_reported(string run)
        => Verify.Findings("FROM debian:12\n" + run + "\n", "SSA7013");

    [Theory]
    [InlineData("RUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*")]
    [InlineData("RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get -qq install --no-install-recommends curl && rm -rf /var/lib/apt/lists/*")]
    [InlineData("RUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y --no-install-recommends curl")]
    [InlineData("RUN apk add --no-cache curl")]
    [InlineData("RUN dnf install -y git && dnf clean all")]
    [InlineData("RUN yum update -y openssl && yum clean all")]
    [InlineData("RUN echo apt-get upgrade")]
    public void Clean_package_manager_use_is_not_reported(string run)
        => Verify.None("FROM debian:12\n" + run + "\n", "SSA7013");

    // SSA7014
    [Fact]
    public void Pipe_without_pipefail_is_reported_at_the_pipe()
        => Verify.Findings(From + "RUN curl -fsSL https://x.io/a.tgz {|SSA7014:||} tar xz\n", "SSA7014");

    [Theory]
    [InlineData("RUN set -o pipefail && curl -fsSL https://x.io/a.tgz | tar xz")]
    [InlineData("RUN set -euo pipefail; curl -fsSL https://x.io/a.tgz | tar xz")]
    [InlineData("SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://x.io/a.tgz | tar xz")]
    [InlineData("SHELL [\"pwsh\", \"-Command\"]\nRUN Get-Content a | Out-File b")]
    [InlineData("RUN [\"sh\", \"-c\", \"a | b\"]")]
    [InlineData("RUN test -f a || exit 1")]
    [InlineData("RUN echo 'a | b' > c")]
    public void Pipefail_set_or_no_pipe_is_fine(string run)
        => Verify.None(From + run + "\n", "SSA7014");

    [Fact]
    public void Windows_images_have_no_posix_pipe_semantics()
        => Verify.None("FROM mcr.microsoft.com/dotnet/framework/sdk:4.8 AS build\nRUN dir C:\\ | findstr out\nFROM build\nRUN type a | more\n", "SSA7014");

    [Fact]
    public void Shell_without_pipefail_does_not_count()
        => Verify.Findings(From + "SHELL [\"/bin/bash\", \"-c\"]\nRUN a {|SSA7014:||} b\n", "SSA7014");

    // SSA7015
    [Fact]
    public void Sudo_is_reported()
        => Verify.Findings(From + "RUN {|SSA7015:sudo|} apk add --no-cache curl && echo ok | {|SSA7015:sudo|} tee /x\n", "SSA7015");

    [Fact]
    public void Sudo_as_an_argument_is_not_reported()
        => Verify.None(From + "RUN apk add --no-cache sudo && echo sudo\n", "SSA7015");

    // SSA7016
    [Theory]
    [InlineData("RUN chmod {|SSA7016:777|} /app")]
    [InlineData("RUN chmod -R {|SSA7016:0777|} /app")]
    [InlineData("RUN chmod {|SSA7016:a+rwx|} /app")]
    [InlineData("RUN chmod {|SSA7016:o+w|} /data")]
    [InlineData("RUN chmod {|SSA7016:u+s|} /usr/bin/tool")]
    [InlineData("RUN chmod {|SSA7016:4755|} /usr/bin/tool")]
    [InlineData("RUN chmod {|SSA7016:666|} /app/db")]
    [InlineData("COPY {|SSA7016:--chmod=777|} app /app")]
    public void World_writable_and_setuid_modes_are_reported(string line)
        => Verify.Findings(From + line + "\n", "SSA7016");

    [Theory]
    [InlineData("RUN chmod 755 /app")]
    [InlineData("RUN chmod -R u+rwX,go+rX /app")]
    [InlineData("RUN chmod +x /entrypoint.sh")]
    [InlineData("RUN chmod 1755 /tmp/x")]
    [InlineData("COPY --chmod=0644 app /app")]
    [InlineData("RUN echo chmod 777")]
    public void Ordinary_modes_are_not_reported(string line)
        => Verify.None(From + line + "\n", "SSA7016");

    // SSA7025
    [Fact]
    public void Cd_in_run_is_reported()
        => Verify.Findings(From + "RUN {|SSA7025:cd|} /src && make && ({|SSA7025:cd|} docs && make)\n", "SSA7025");

    [Fact]
    public void Cd_as_an_argument_or_workdir_is_not_reported()
        => Verify.None(From + "WORKDIR /src\nRUN echo cd && make -C docs\n", "SSA7025");

    // SSA7026
    [Fact]
    public void Consecutive_runs_are_reported_on_the_second()
        => Verify.Findings(From + "RUN apk add --no-cache curl\n{|SSA7026:RUN|} curl --version\n{|SSA7026:run|} true\n", "SSA7026");

    [Fact]
    public void Runs_separated_or_with_their_own_flags_are_not_reported()
        => Verify.None(From + "RUN a\nCOPY x /x\nRUN b\nRUN --mount=type=secret,id=t c\nFROM alpine:3.20\nRUN d\n", "SSA7026");
}
