using System.Collections.Generic;

namespace ClovaCodegen.EndToEnd.Tests.Infrastructure;

/// <summary>Project files of the consumers the end-to-end tests build, as a new user would write them.</summary>
public static class ConsumerTemplates
{
    public const string OpenAIVersion = "2.15.0";
    public const string MeaiVersion = "10.11.0";
    public const string SemanticKernelVersion = "1.82.0";

    public static string Project(string targetFramework, string extraProperties = "", string extraItems = "", bool withOpenAI = true, string outputType = "Exe") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>{outputType}</OutputType>
            <TargetFramework>{targetFramework}</TargetFramework>
            <LangVersion>latest</LangVersion>
            <Nullable>enable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
            <NoWarn>$(NoWarn);OPENAI001;SCME0001;MEAI001</NoWarn>
            {extraProperties}
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="ClovaCodegen" Version="$(ClovaVersion)" />
            {(withOpenAI ? $"""<PackageReference Include="OpenAI" Version="{OpenAIVersion}" /><PackageReference Include="Microsoft.Extensions.AI.OpenAI" Version="{MeaiVersion}" />""" : "")}
            {extraItems}
          </ItemGroup>
        </Project>
        """;

    public static Dictionary<string, string> Files(string project, string program, params (string Path, string Text)[] more)
    {
        var files = new Dictionary<string, string> { ["Consumer.csproj"] = project, ["Program.cs"] = program };
        foreach (var (path, text) in more)
        {
            files[path] = text;
        }

        return files;
    }
}
