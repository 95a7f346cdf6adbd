using System.Threading.Tasks;
using Xunit;

namespace ClovaCodegen.Emulator.Tests;

/// <summary>
/// With accepted keys or a key prefix set, any other bearer key gets CLOVA Studio's 401 (code 40100), so a test can
/// check what a client does with a wrong key. Without them any well-formed key passes, as before.
/// </summary>
public sealed class ApiKeyTests
{
    private const string WrongKey = "nv-test-1111111111111111wrong";

    [Fact]
    public async Task A_key_outside_the_accepted_set_is_401_with_clovas_code()
    {
        await using var emulator = await ClovaStudioEmulator.StartAsync(new EmulatorOptions { AcceptedApiKeys = new[] { EmulatorHttp.FakeKey } });
        using var http = new EmulatorHttp(emulator.BaseUrl);

        (await http.GetAsync("models")).AssertOk();
        var refused = await http.GetAsync("models", WrongKey);

        var error = refused.AssertError(401);
        Assert.Equal("40100", error.GetProperty("code").GetString());
        Assert.Equal("authentication_error", error.GetProperty("type").GetString());
        Assert.DoesNotContain(WrongKey, refused.Body, System.StringComparison.Ordinal); // a key is never echoed
    }

    [Fact]
    public async Task A_key_without_the_required_prefix_is_401()
    {
        await using var emulator = await ClovaStudioEmulator.StartAsync(new EmulatorOptions { ApiKeyPrefix = "nv-" });
        using var http = new EmulatorHttp(emulator.BaseUrl);

        (await http.PostAsync("chat/completions", """{"model":"HCX-005","messages":[{"role":"user","content":"hi"}]}""", "nv-anything")).AssertOk();
        var refused = await http.PostAsync("chat/completions", """{"model":"HCX-005","messages":[{"role":"user","content":"hi"}]}""", "sk-openai-style-key");

        Assert.Equal("40100", refused.AssertError(401).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_missing_bearer_is_401_with_clovas_code_and_any_key_passes_by_default()
    {
        await using var emulator = await ClovaStudioEmulator.StartAsync();
        using var http = new EmulatorHttp(emulator.BaseUrl);

        Assert.Equal("40100", (await http.GetAsync("models", key: null)).AssertError(401).GetProperty("code").GetString());
        (await http.GetAsync("models", WrongKey)).AssertOk();
    }
}
