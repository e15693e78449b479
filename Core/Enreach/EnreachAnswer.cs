using System;
using System.Collections.Generic;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>
    /// A successful (2xx) answer of Enreach, its body read in full, and how it came: the request, the attempts and the
    /// time spent. Reads its body into data contracts; an answer that does not fit them fails with a precise reason.
    /// </summary>
    internal sealed class EnreachAnswer
    {
        private readonly EnreachErrors _errors;

        public EnreachAnswer(EnreachErrors errors, string request, int statusCode, int attempts, string body, TimeSpan elapsed)
        {
            _errors = errors;
            Request = request;
            StatusCode = statusCode;
            Attempts = attempts;
            Body = body;
            Elapsed = elapsed;
        }

        public string Request { get; }

        public int StatusCode { get; }

        public int Attempts { get; }

        public string Body { get; }

        public TimeSpan Elapsed { get; }

        /// <summary>The body as a JSON array of <typeparamref name="T"/> objects.</summary>
        /// <param name="what">The array, for messages: "a JSON array of users".</param>
        /// <param name="entry">An entry by its one-based position, for messages: "user #3".</param>
        public List<T> ReadArray<T>(string what, Func<int, string> entry) => EnreachJson.ReadArray<T>(Body, what, entry, Malformed);

        /// <summary>As <see cref="ReadArray{T}"/>, each entry with its text as Enreach sent it.</summary>
        public List<EnreachRecord<T>> ReadRecords<T>(string what, Func<int, string> entry) => EnreachJson.ReadRecords<T>(Body, what, entry, Malformed);

        /// <summary>The body as one JSON <typeparamref name="T"/> object.</summary>
        /// <param name="what">The object, for messages: "the user".</param>
        public T ReadObject<T>(string what) => EnreachJson.ReadObject<T>(Body, what, Malformed);

        /// <summary>
        /// The error for an answer that is not what the product expects: <paramref name="reason"/> (a clause without a
        /// final period) says why; <paramref name="cause"/>, if any, is the reader's error.
        /// </summary>
        public EnreachMalformedResponseException Malformed(string reason, Exception? cause = null) => _errors.Malformed(this, reason, cause);
    }
}
