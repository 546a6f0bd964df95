namespace SecureServices.Dockerfile.Tests;

/// <summary>Realistic Dockerfiles (the shapes .NET teams write), used as fuzz seeds and for throughput.</summary>
internal static class Corpus
{
    public static readonly string[] Seeds =
    {
        """
        # syntax=docker/dockerfile:1
        ARG DOTNET_VERSION=10.0
        FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
        WORKDIR /src
        COPY ["Orders.Api/Orders.Api.csproj", "Orders.Api/"]
        RUN --mount=type=secret,id=nuget,target=/root/.nuget/NuGet/NuGet.Config dotnet restore "Orders.Api/Orders.Api.csproj"
        COPY . .
        RUN dotnet publish "Orders.Api/Orders.Api.csproj" -c Release -o /app/publish /p:UseAppHost=false

        FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}-noble-chiseled AS final
        LABEL org.opencontainers.image.source=https://github.com/acme/orders org.opencontainers.image.version=1.4.2
        WORKDIR /app
        EXPOSE 8080
        COPY --from=build /app/publish .
        USER $APP_UID
        ENTRYPOINT ["dotnet", "Orders.Api.dll"]
        """,
        """
        FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base
        USER app
        WORKDIR /app
        EXPOSE 8080
        EXPOSE 8081

        FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
        ARG BUILD_CONFIGURATION=Release
        WORKDIR /src
        COPY ["WebApp/WebApp.csproj", "WebApp/"]
        RUN dotnet restore "./WebApp/WebApp.csproj"
        COPY . .
        WORKDIR "/src/WebApp"
        RUN dotnet build "./WebApp.csproj" -c $BUILD_CONFIGURATION -o /app/build

        FROM build AS publish
        ARG BUILD_CONFIGURATION=Release
        RUN dotnet publish "./WebApp.csproj" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false

        FROM base AS final
        WORKDIR /app
        COPY --from=publish /app/publish .
        ENTRYPOINT ["dotnet", "WebApp.dll"]
        """,
        """
        FROM debian:12-slim
        RUN apt-get update \
         && apt-get install -y --no-install-recommends ca-certificates curl \
         && rm -rf /var/lib/apt/lists/*
        SHELL ["/bin/bash", "-o", "pipefail", "-c"]
        RUN curl -fsSL https://example.com/tool.tgz | tar xz -C /usr/local/bin
        ENV PATH=/usr/local/bin:$PATH TOOL_HOME=/opt/tool
        RUN useradd --uid 10001 --create-home tool
        USER 10001
        HEALTHCHECK --interval=30s --timeout=3s CMD ["tool", "health"]
        CMD ["tool", "serve"]
        """,
        """
        FROM node:20-alpine AS web
        WORKDIR /web
        COPY package.json package-lock.json ./
        RUN npm ci
        COPY . .
        RUN npm run build

        FROM nginx:1.27-alpine
        COPY --from=web /web/dist /usr/share/nginx/html
        RUN apk add --no-cache curl && chmod 755 /usr/share/nginx/html
        EXPOSE 8080
        USER nginx
        """,
        """
        FROM python:3.12-slim
        ENV PYTHONDONTWRITEBYTECODE=1 \
            PYTHONUNBUFFERED=1
        WORKDIR /app
        COPY requirements.txt .
        RUN pip install --no-cache-dir -r requirements.txt
        RUN <<EOF
        set -e
        groupadd -r app
        useradd -r -g app app
        EOF
        COPY . .
        USER app
        CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]
        """,
    };
}
