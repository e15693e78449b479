using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.Serialization;
using System.Text;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>Kind of a <see cref="JsonValue"/>.</summary>
    public enum JsonKind
    {
        Null,
        Boolean,
        Number,
        String,
        Array,
        Object,
    }

    /// <summary>
    /// A parsed JSON value (RFC 8259). Immutable once parsed, so it can be shared between threads. Object members keep
    /// their order; <see cref="Property"/> looks a member up by name, ignoring case, because Enreach's answers are not
    /// consistent in the casing of their field names.
    /// </summary>
    public sealed class JsonValue
    {
        private static readonly IReadOnlyList<JsonValue> NoItems = new JsonValue[0];
        private static readonly IReadOnlyList<KeyValuePair<string, JsonValue>> NoProperties = new KeyValuePair<string, JsonValue>[0];

        public static readonly JsonValue Null = new JsonValue(JsonKind.Null, null, false, NoItems, NoProperties);
        public static readonly JsonValue True = new JsonValue(JsonKind.Boolean, null, true, NoItems, NoProperties);
        public static readonly JsonValue False = new JsonValue(JsonKind.Boolean, null, false, NoItems, NoProperties);

        private readonly string? _text;
        private readonly bool _boolean;

        private JsonValue(JsonKind kind, string? text, bool boolean, IReadOnlyList<JsonValue> items, IReadOnlyList<KeyValuePair<string, JsonValue>> properties)
        {
            Kind = kind;
            _text = text;
            _boolean = boolean;
            Items = items;
            Properties = properties;
        }

        internal static JsonValue String(string value) => new JsonValue(JsonKind.String, value, false, NoItems, NoProperties);

        internal static JsonValue Number(string literal) => new JsonValue(JsonKind.Number, literal, false, NoItems, NoProperties);

        internal static JsonValue Array(IReadOnlyList<JsonValue> items) => new JsonValue(JsonKind.Array, null, false, items, NoProperties);

        internal static JsonValue Object(IReadOnlyList<KeyValuePair<string, JsonValue>> properties) => new JsonValue(JsonKind.Object, null, false, NoItems, properties);

        public JsonKind Kind { get; }

        /// <summary>Elements of an array (empty for every other kind).</summary>
        public IReadOnlyList<JsonValue> Items { get; }

        /// <summary>Members of an object in document order (empty for every other kind).</summary>
        public IReadOnlyList<KeyValuePair<string, JsonValue>> Properties { get; }

        public bool IsNull => Kind == JsonKind.Null;

        /// <summary>The string of a string value, else null.</summary>
        public string? AsString => Kind == JsonKind.String ? _text : null;

        /// <summary>The literal of a number value as written (e.g. <c>-1.5e3</c>), else null.</summary>
        public string? NumberLiteral => Kind == JsonKind.Number ? _text : null;

        /// <summary>The value of a boolean, else null.</summary>
        public bool? AsBoolean => Kind == JsonKind.Boolean ? _boolean : (bool?)null;

        /// <summary>
        /// The member called <paramref name="name"/>: an exact match if there is one, else the first member whose
        /// name matches ignoring case; null when the value is not an object or has no such member.
        /// </summary>
        public JsonValue? Property(string name)
        {
            if (name == null) throw new ArgumentNullException(nameof(name));
            JsonValue? ignoringCase = null;
            for (var i = 0; i < Properties.Count; i++)
            {
                var p = Properties[i];
                if (string.Equals(p.Key, name, StringComparison.Ordinal)) return p.Value;
                if (ignoringCase == null && string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)) ignoringCase = p.Value;
            }
            return ignoringCase;
        }

        /// <summary>The number as a 64-bit integer when it is an integer in range.</summary>
        public bool TryGetInt64(out long value)
        {
            value = 0;
            return Kind == JsonKind.Number
                && long.TryParse(_text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        /// <summary>The number as a double (every JSON number has one, possibly rounded).</summary>
        public bool TryGetDouble(out double value)
        {
            value = 0;
            return Kind == JsonKind.Number
                && double.TryParse(_text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }

        public override string ToString()
        {
            switch (Kind)
            {
                case JsonKind.Null: return "null";
                case JsonKind.Boolean: return _boolean ? "true" : "false";
                case JsonKind.Number: return _text!;
                case JsonKind.String: return Json.Quote(_text!);
                case JsonKind.Array: return "[" + Items.Count.ToString(CultureInfo.InvariantCulture) + " items]";
                default: return "{" + Properties.Count.ToString(CultureInfo.InvariantCulture) + " members}";
            }
        }
    }

    /// <summary>
    /// The text is not JSON. <see cref="Position"/> is the zero-based offset of the first offending character.
    /// Serializable (the inner exception of an <see cref="EnreachMalformedResponseException"/> crosses the sandbox
    /// boundary), with its position kept in Data for the reason given on <see cref="Errors.ActionableException"/>.
    /// </summary>
    [Serializable]
    public sealed class JsonFormatException : FormatException
    {
        private const string PositionKey = "VoiceForD365.Position";

        public JsonFormatException(string message, int position)
            : base(message + " (at offset " + position.ToString(CultureInfo.InvariantCulture) + ")")
        {
            Data[PositionKey] = position;
        }

#pragma warning disable SYSLIB0051 // Obsolete in .NET 10, but what the .NET Framework sandbox deserializes exceptions with.
        private JsonFormatException(SerializationInfo info, StreamingContext context)
            : base(info, context)
        {
        }
#pragma warning restore SYSLIB0051

        public int Position => Data[PositionKey] as int? ?? 0;
    }

    /// <summary>
    /// A small, strict JSON reader (RFC 8259) with no dependency, so it compiles into the net462 sandbox assembly as
    /// well as for net10.0. Strict means: exactly one value with only whitespace around it, no comments, no trailing
    /// commas, no single quotes, no leading zeros, no unescaped control characters, only the escapes of the RFC
    /// (<c>\uXXXX</c> included, surrogate pairs combined), and nesting at most <see cref="MaxDepth"/> deep so a
    /// hostile answer cannot exhaust the stack.
    /// </summary>
    public static class Json
    {
        public const int MaxDepth = 64;

        public static JsonValue Parse(string text)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            var reader = new Reader(text);
            return reader.ReadDocument();
        }

        /// <summary>The JSON string literal of <paramref name="value"/>, quotes included.</summary>
        public static string Quote(string value)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            var sb = new StringBuilder(value.Length + 2);
            sb.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\b': sb.Append("\\b"); break;
                    case '\f': sb.Append("\\f"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else sb.Append(c);
                        break;
                }
            }
            sb.Append('"');
            return sb.ToString();
        }

        private sealed class Reader
        {
            private readonly string _s;
            private int _i;

            public Reader(string s)
            {
                _s = s;
            }

            public JsonValue ReadDocument()
            {
                SkipWhitespace();
                if (_i >= _s.Length) throw Error("Expected a JSON value but the text is empty");
                var value = ReadValue(0);
                SkipWhitespace();
                if (_i < _s.Length) throw Error("Unexpected text after the JSON value");
                return value;
            }

            private JsonValue ReadValue(int depth)
            {
                if (_i >= _s.Length) throw Error("Unexpected end of the text; expected a value");
                var c = _s[_i];
                switch (c)
                {
                    case '{': return ReadObject(depth + 1);
                    case '[': return ReadArray(depth + 1);
                    case '"': return JsonValue.String(ReadString());
                    case 't': ReadLiteral("true"); return JsonValue.True;
                    case 'f': ReadLiteral("false"); return JsonValue.False;
                    case 'n': ReadLiteral("null"); return JsonValue.Null;
                    default:
                        if (c == '-' || (c >= '0' && c <= '9')) return JsonValue.Number(ReadNumber());
                        throw Error("Unexpected character " + Describe(c) + "; expected a value");
                }
            }

            private JsonValue ReadObject(int depth)
            {
                if (depth > MaxDepth) throw Error("JSON nested deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels");
                _i++; // {
                var members = new List<KeyValuePair<string, JsonValue>>();
                SkipWhitespace();
                if (Peek() == '}')
                {
                    _i++;
                    return JsonValue.Object(members);
                }
                while (true)
                {
                    SkipWhitespace();
                    if (Peek() != '"') throw Error("Expected a member name in double quotes");
                    var name = ReadString();
                    SkipWhitespace();
                    Expect(':');
                    SkipWhitespace();
                    var value = ReadValue(depth);
                    members.Add(new KeyValuePair<string, JsonValue>(name, value));
                    SkipWhitespace();
                    var c = Peek();
                    if (c == ',') { _i++; continue; }
                    if (c == '}') { _i++; return JsonValue.Object(members); }
                    throw Error("Expected ',' or '}' in an object");
                }
            }

            private JsonValue ReadArray(int depth)
            {
                if (depth > MaxDepth) throw Error("JSON nested deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels");
                _i++; // [
                var items = new List<JsonValue>();
                SkipWhitespace();
                if (Peek() == ']')
                {
                    _i++;
                    return JsonValue.Array(items);
                }
                while (true)
                {
                    SkipWhitespace();
                    items.Add(ReadValue(depth));
                    SkipWhitespace();
                    var c = Peek();
                    if (c == ',') { _i++; continue; }
                    if (c == ']') { _i++; return JsonValue.Array(items); }
                    throw Error("Expected ',' or ']' in an array");
                }
            }

            private string ReadString()
            {
                _i++; // opening quote
                StringBuilder? sb = null;
                var runStart = _i;
                while (true)
                {
                    if (_i >= _s.Length) throw Error("Unterminated string");
                    var c = _s[_i];
                    if (c == '"')
                    {
                        string result;
                        if (sb == null) result = _s.Substring(runStart, _i - runStart);
                        else result = sb.Append(_s, runStart, _i - runStart).ToString();
                        _i++;
                        return result;
                    }
                    if (c < 0x20) throw Error("Unescaped control character " + Describe(c) + " in a string");
                    if (c != '\\')
                    {
                        _i++;
                        continue;
                    }

                    sb = sb ?? new StringBuilder();
                    sb.Append(_s, runStart, _i - runStart);
                    _i++; // backslash
                    if (_i >= _s.Length) throw Error("Unterminated escape sequence");
                    var e = _s[_i];
                    switch (e)
                    {
                        case '"': sb.Append('"'); _i++; break;
                        case '\\': sb.Append('\\'); _i++; break;
                        case '/': sb.Append('/'); _i++; break;
                        case 'b': sb.Append('\b'); _i++; break;
                        case 'f': sb.Append('\f'); _i++; break;
                        case 'n': sb.Append('\n'); _i++; break;
                        case 'r': sb.Append('\r'); _i++; break;
                        case 't': sb.Append('\t'); _i++; break;
                        case 'u':
                            _i++;
                            sb.Append(ReadHex4());
                            break;
                        default:
                            throw Error("Invalid escape sequence \\" + e.ToString());
                    }
                    runStart = _i;
                }
            }

            private char ReadHex4()
            {
                if (_i + 4 > _s.Length) throw Error("Incomplete \\u escape");
                var value = 0;
                for (var k = 0; k < 4; k++)
                {
                    var h = _s[_i + k];
                    int d;
                    if (h >= '0' && h <= '9') d = h - '0';
                    else if (h >= 'a' && h <= 'f') d = h - 'a' + 10;
                    else if (h >= 'A' && h <= 'F') d = h - 'A' + 10;
                    else throw Error("Invalid hexadecimal digit " + Describe(h) + " in a \\u escape");
                    value = (value << 4) | d;
                }
                _i += 4;
                return (char)value;
            }

            private string ReadNumber()
            {
                var start = _i;
                if (Peek() == '-') _i++;
                if (_i >= _s.Length) throw Error("Expected a digit");
                var c = _s[_i];
                if (c == '0')
                {
                    _i++;
                    if (_i < _s.Length && IsDigit(_s[_i])) throw Error("Leading zeros are not allowed in a number");
                }
                else if (c >= '1' && c <= '9')
                {
                    while (_i < _s.Length && IsDigit(_s[_i])) _i++;
                }
                else
                {
                    throw Error("Expected a digit");
                }

                if (_i < _s.Length && _s[_i] == '.')
                {
                    _i++;
                    if (_i >= _s.Length || !IsDigit(_s[_i])) throw Error("Expected a digit after the decimal point");
                    while (_i < _s.Length && IsDigit(_s[_i])) _i++;
                }

                if (_i < _s.Length && (_s[_i] == 'e' || _s[_i] == 'E'))
                {
                    _i++;
                    if (_i < _s.Length && (_s[_i] == '+' || _s[_i] == '-')) _i++;
                    if (_i >= _s.Length || !IsDigit(_s[_i])) throw Error("Expected a digit in the exponent");
                    while (_i < _s.Length && IsDigit(_s[_i])) _i++;
                }

                return _s.Substring(start, _i - start);
            }

            private void ReadLiteral(string literal)
            {
                if (string.CompareOrdinal(_s, _i, literal, 0, literal.Length) != 0 || _i + literal.Length > _s.Length)
                    throw Error("Unexpected character " + Describe(_s[_i]) + "; expected a value");
                _i += literal.Length;
            }

            private void Expect(char c)
            {
                if (Peek() != c) throw Error("Expected '" + c.ToString() + "'");
                _i++;
            }

            private char Peek() => _i < _s.Length ? _s[_i] : '\0';

            private void SkipWhitespace()
            {
                while (_i < _s.Length)
                {
                    var c = _s[_i];
                    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') _i++;
                    else break;
                }
            }

            private static bool IsDigit(char c) => c >= '0' && c <= '9';

            private static string Describe(char c) =>
                c < 0x20 || c > 0x7e
                    ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
                    : "'" + c.ToString() + "'";

            private JsonFormatException Error(string message) => new JsonFormatException(message, _i);
        }
    }
}
