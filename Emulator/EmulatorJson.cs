using System.Buffers;
using System.Text;
using System.Text.Json;

namespace VoiceForD365.Emulator;

/// <summary>JSON writing for the emulator's answers (System.Text.Json: the emulator shares no code with the product's reader).</summary>
public static class EmulatorJson
{
    public static string Write(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
