using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>
    /// Reads an Enreach answer into its data contracts (<c>Contracts/</c>) with the framework's
    /// DataContractJsonSerializer, present in .NET Framework 4.6.2 and .NET 10 alike. The framework's JSON reader is
    /// walked first to check the shape the serializer would silently accept (it reads <c>{}</c> as an empty array),
    /// so each unusable answer gets a precise reason: not JSON, not an array, entry #n not an object, nested too deep.
    /// The framework's reader is more lenient than RFC 8259 in places (it accepts a trailing comma, for one).
    /// </summary>
    internal static class EnreachJson
    {
        /// <summary>Deepest nesting read, so a hostile answer cannot exhaust the stack.</summary>
        public const int MaxDepth = 64;

        /// <summary>
        /// The JSON array of objects in <paramref name="body"/>, each read as a <typeparamref name="T"/>.
        /// <paramref name="fail"/> makes the exception to throw from a reason (a clause without a final period) and the
        /// framework's error, if any.
        /// </summary>
        /// <param name="what">The array, for messages: "a JSON array of users".</param>
        /// <param name="entry">An entry by its one-based position, for messages: "user #3".</param>
        public static List<T> ReadArray<T>(string body, string what, Func<int, string> entry, Func<string, Exception?, Exception> fail)
        {
            var items = new List<T>();
            var read = 0;
            Read(body, reader =>
            {
                var kind = Kind(reader);
                if (kind != "array") throw fail("expected " + what + " but got " + Describe(kind), null);
                if (reader.IsEmptyElement)
                {
                    reader.Read();
                    return;
                }
                reader.ReadStartElement();
                while (reader.MoveToContent() == XmlNodeType.Element)
                {
                    read++;
                    items.Add(ReadEntry<T>(reader, entry(read), fail));
                }
                reader.ReadEndElement();
            }, fail);
            return items;
        }

        /// <summary>
        /// As <see cref="ReadArray{T}"/>, each entry with its text exactly as the body has it (for an audit of what
        /// Enreach sent).
        /// </summary>
        public static List<EnreachRecord<T>> ReadRecords<T>(string body, string what, Func<int, string> entry, Func<string, Exception?, Exception> fail)
        {
            var items = ReadArray<T>(body, what, entry, fail);
            var texts = EntryTexts(body);
            // The framework's reader has accepted the array, so the scan finds the same entries; a mismatch is a defect.
            if (texts.Count != items.Count)
                throw fail("its " + items.Count.ToString(CultureInfo.InvariantCulture) + " entries could not be told apart as text", null);
            var records = new List<EnreachRecord<T>>(items.Count);
            for (var i = 0; i < items.Count; i++) records.Add(new EnreachRecord<T>(items[i], texts[i]));
            return records;
        }

        /// <summary>The text of each entry of the top-level array in <paramref name="body"/> (valid JSON, read before).</summary>
        private static List<string> EntryTexts(string body)
        {
            var texts = new List<string>();
            var depth = 0;
            var inString = false;
            var escaped = false;
            var start = -1;
            for (var i = 0; i < body.Length; i++)
            {
                var c = body[i];
                if (inString)
                {
                    if (escaped) escaped = false;
                    else if (c == '\\') escaped = true;
                    else if (c == '"') inString = false;
                    continue;
                }
                switch (c)
                {
                    case '"':
                        inString = true;
                        if (depth == 1 && start < 0) start = i;
                        break;
                    case '[':
                    case '{':
                        if (depth == 1 && start < 0) start = i;
                        depth++;
                        break;
                    case ']':
                    case '}':
                        depth--;
                        if (depth == 0) Add(texts, body, start, i);
                        break;
                    case ',':
                        if (depth == 1)
                        {
                            Add(texts, body, start, i);
                            start = -1;
                        }
                        break;
                    default:
                        if (depth == 1 && start < 0 && !char.IsWhiteSpace(c)) start = i;
                        break;
                }
            }
            return texts;
        }

        private static void Add(List<string> texts, string body, int start, int end)
        {
            // A trailing comma (which the framework's reader accepts) leaves no entry.
            if (start < 0) return;
            texts.Add(body.Substring(start, end - start).TrimEnd());
        }

        /// <summary>The JSON object in <paramref name="body"/> read as a <typeparamref name="T"/>.</summary>
        /// <param name="what">The object, for messages: "the user".</param>
        public static T ReadObject<T>(string body, string what, Func<string, Exception?, Exception> fail)
        {
            var result = default(T)!;
            Read(body, reader => result = ReadEntry<T>(reader, what, fail), fail);
            return result;
        }

        private static T ReadEntry<T>(XmlDictionaryReader reader, string what, Func<string, Exception?, Exception> fail)
        {
            var kind = Kind(reader);
            if (kind != "object") throw fail(what + " is " + Describe(kind) + ", not an object", null);
            try
            {
                return (T)Serializer<T>.Instance.ReadObject(reader, verifyObjectName: false)!;
            }
            catch (SerializationException e) when (!(e.InnerException is XmlException))
            {
                // A member of the wrong kind for its contract (an object where text belongs, a member given twice).
                throw fail(what + " does not have the members Voice for D365 expects", e);
            }
        }

        private static void Read(string body, Action<XmlDictionaryReader> readRoot, Func<string, Exception?, Exception> fail)
        {
            var reader = JsonReaderWriterFactory.CreateJsonReader(Encoding.UTF8.GetBytes(body), Quotas());
            try
            {
                if (reader.MoveToContent() != XmlNodeType.Element) throw fail("it is not valid JSON (the answer is empty)", null);
                readRoot(reader);
                // Nothing but whitespace may follow the value (the reader throws on anything else).
                while (reader.Read())
                {
                }
            }
            catch (XmlException e)
            {
                throw NotJson(reader, e, fail);
            }
            catch (SerializationException e) when (e.InnerException is XmlException)
            {
                throw NotJson(reader, e.InnerException, fail);
            }
            catch (FormatException e)
            {
                // The reader's error for a character JSON does not allow where it stands (a raw control character).
                throw NotJson(reader, e, fail);
            }
            finally
            {
                reader.Close();
            }
        }

        private static Exception NotJson(XmlDictionaryReader reader, Exception e, Func<string, Exception?, Exception> fail) =>
            reader.Depth >= MaxDepth
                ? fail("it is nested more than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels deep", null)
                : fail("it is not valid JSON", e);

        /// <summary>The JSON kind of the value at the reader's element, as the framework's reader names it.</summary>
        private static string Kind(XmlDictionaryReader reader) => reader.GetAttribute("type") ?? "string";

        private static string Describe(string kind)
        {
            switch (kind)
            {
                case "array": return "an array";
                case "object": return "an object";
                case "number": return "a number";
                case "boolean": return "a boolean";
                case "null": return "null";
                default: return "a string";
            }
        }

        private static XmlDictionaryReaderQuotas Quotas() => new XmlDictionaryReaderQuotas
        {
            MaxDepth = MaxDepth,
            MaxStringContentLength = int.MaxValue,
            MaxArrayLength = int.MaxValue,
            MaxBytesPerRead = int.MaxValue,
            MaxNameTableCharCount = int.MaxValue,
        };

        /// <summary>One serializer per contract: building one is costly, and it is thread-safe once built.</summary>
        private static class Serializer<T>
        {
            public static readonly DataContractJsonSerializer Instance = new DataContractJsonSerializer(typeof(T));
        }
    }

    /// <summary>An entry of an Enreach answer: read into its contract, and its text as Enreach sent it.</summary>
    internal sealed class EnreachRecord<T>
    {
        public EnreachRecord(T contract, string json)
        {
            Contract = contract;
            Json = json;
        }

        public T Contract { get; }

        public string Json { get; }
    }
}
