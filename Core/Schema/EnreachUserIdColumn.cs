using System;
using Microsoft.Xrm.Sdk;

namespace VoiceForD365.Core.Schema
{
    /// <summary>
    /// systemuser.vfd_enreachuserid is a text column (Dataverse has no custom GUID columns): the id is written in the
    /// "D" format and read back as a GUID; a value that is not a GUID reads as no id, so it gets replaced.
    /// </summary>
    public static class EnreachUserIdColumn
    {
        public static Guid? Read(Entity user) =>
            Guid.TryParse(user.GetAttributeValue<string>(SystemUser.EnreachUserId), out var id) ? id : (Guid?)null;

        public static string? Value(Guid? enreachUserId) => enreachUserId?.ToString("D");
    }
}
