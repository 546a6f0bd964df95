using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SecureServices.Benchmarks;

/// <summary>
/// Realistic Dockerfiles: multi-stage .NET, Node and Python builds with ARG/ENV, comments, heredoc-free
/// multi-line RUN instructions, COPY --from, HEALTHCHECK, USER and LABEL; some pin digests, some use
/// :latest or no tag (findings), some carry suppression comments. Deterministic.
/// </summary>
internal static class DockerfileCorpus
{
    public static IReadOnlyList<byte[]> Generate(int count, int seed = 7)
    {
        var random = new Random(seed);
        var files = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            var text = (i % 3) switch
            {
                0 => DotNet(i, random),
                1 => Node(i, random),
                _ => Python(i, random),
            };
            files.Add(Encoding.UTF8.GetBytes(text));
        }

        return files;
    }

    private static string Tag(int i, Random random, string image, string pinned)
        => (i % 10) switch
        {
            0 => image + ":latest",
            1 => image,
            2 => image + ":" + pinned + "@sha256:" + Hex(random, 64),
            _ => image + ":" + pinned,
        };

    private static string Hex(Random random, int length)
    {
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            sb.Append("0123456789abcdef"[random.Next(16)]);
        }

        return sb.ToString();
    }

    private static string DotNet(int i, Random random)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        var suppression = i % 17 == 0 ? "# secureservices ignore=SSA7001 -- the SDK image is only a build stage\n" : string.Empty;
        return $"""
            # syntax=docker/dockerfile:1.7
            # Orders service {n}: build with the SDK, run on the ASP.NET runtime as a non-root user.
            ARG DOTNET_VERSION=10.0
            ARG CONFIGURATION=Release

            {suppression}FROM {Tag(i, random, "mcr.microsoft.com/dotnet/sdk", "10.0")} AS build
            WORKDIR /src
            COPY ["Service{n}/Service{n}.csproj", "Service{n}/"]
            COPY ["Directory.Build.props", "nuget.config", "./"]
            RUN --mount=type=cache,target=/root/.nuget/packages \
                dotnet restore "Service{n}/Service{n}.csproj" \
                    --runtime linux-x64
            COPY . .
            WORKDIR "/src/Service{n}"
            RUN dotnet publish "Service{n}.csproj" -c $CONFIGURATION -o /app/publish \
                    --no-restore \
                    -p:UseAppHost=false \
                    -p:InvariantGlobalization=true

            FROM {Tag(i + 3, random, "mcr.microsoft.com/dotnet/aspnet", "10.0-noble-chiseled")} AS final
            LABEL org.opencontainers.image.title="service-{n}" \
                  org.opencontainers.image.source="https://git.contoso.example/platform/service-{n}" \
                  org.opencontainers.image.licenses="MIT"
            WORKDIR /app
            ENV ASPNETCORE_URLS=http://+:8080 \
                DOTNET_RUNNING_IN_CONTAINER=true \
                DOTNET_gcServer=0
            EXPOSE 8080
            COPY --from=build --chown=app:app /app/publish .
            USER app
            HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD ["dotnet", "Service{n}.dll", "--health"]
            ENTRYPOINT ["dotnet", "Service{n}.dll"]

            """;
    }

    private static string Node(int i, Random random)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        return $"""
            # Front end {n}
            FROM {Tag(i, random, "node", "22-bookworm-slim")} AS deps
            WORKDIR /app
            COPY package.json package-lock.json ./
            RUN npm ci --omit=dev \
             && npm cache clean --force

            FROM {Tag(i + 5, random, "node", "22-bookworm-slim")} AS build
            WORKDIR /app
            COPY --from=deps /app/node_modules ./node_modules
            COPY . .
            ARG NEXT_PUBLIC_API_URL=https://api.contoso.example
            RUN npm run build

            FROM {Tag(i + 7, random, "gcr.io/distroless/nodejs22-debian12", "nonroot")}
            WORKDIR /app
            ENV NODE_ENV=production PORT=3000
            COPY --from=build /app/.next/standalone ./
            COPY --from=build /app/public ./public
            EXPOSE 3000
            USER nonroot
            CMD ["server.js"]

            """;
    }

    private static string Python(int i, Random random)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        var packages = random.Next(3, 9);
        var sb = new StringBuilder();
        for (var p = 0; p < packages; p++)
        {
            sb.Append("        lib").Append(p).Append("-dev \\\n");
        }

        return $"""
            # Worker {n} (Python)
            FROM {Tag(i, random, "python", "3.13-slim-bookworm")}
            ENV PYTHONDONTWRITEBYTECODE=1 \
                PYTHONUNBUFFERED=1 \
                PIP_NO_CACHE_DIR=1
            RUN apt-get update \
             && apt-get install -y --no-install-recommends \
            {sb}        ca-certificates \
             && rm -rf /var/lib/apt/lists/*
            RUN groupadd --system worker && useradd --system --gid worker --home /srv worker
            WORKDIR /srv
            COPY requirements.txt .
            RUN pip install --require-hashes -r requirements.txt
            COPY --chown=worker:worker src/ ./src/
            USER worker
            STOPSIGNAL SIGTERM
            CMD ["python", "-m", "src.worker{n}", "--queue", "jobs-{n}"]

            """;
    }
}
