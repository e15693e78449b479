// Voice for Dynamics 365 — "Update Enreach User Ids" button of the user list (web resource
// vfd_/Scripts/UpdateEnreachUserIds.js). Calls the custom API vfd_UpdateEnreachUserIds, which matches every
// Voice user to the Enreach users list by email, and shows what it did.
var VoiceForD365 = VoiceForD365 || {};
VoiceForD365.UserList = VoiceForD365.UserList || {};

(function (ns) {
    "use strict";

    var apiName = "vfd_UpdateEnreachUserIds";
    var title = "Update Enreach User Ids";
    var maxMessageLines = 10;
    var maxLineLength = 200;

    function request() {
        return {
            getMetadata: function () {
                return { boundParameter: null, parameterTypes: {}, operationType: 0, operationName: apiName };
            }
        };
    }

    function count(result, name) {
        var value = result ? result[name] : null;
        return typeof value === "number" ? value : 0;
    }

    function messageLines(result) {
        var text = result && typeof result.Messages === "string" ? result.Messages : "";
        var lines = [];
        var all = text.split(/\r?\n/);
        for (var i = 0; i < all.length; i++) {
            if (all[i].replace(/\s+/g, "") !== "") {
                lines.push(all[i]);
            }
        }
        return lines;
    }

    function shorten(line) {
        return line.length > maxLineLength ? line.substring(0, maxLineLength - 1) + "\u2026" : line;
    }

    /** The alert text for the custom API's response: the counts, then the users not matched (at most maxMessageLines). */
    ns.formatOutcome = function (result) {
        var text = "Updated: " + count(result, "Updated") +
            "\nUnchanged: " + count(result, "Unchanged") +
            "\nCleared: " + count(result, "Cleared") +
            "\nNot found: " + count(result, "NotFound") +
            "\nAmbiguous: " + count(result, "Ambiguous");
        var remaining = count(result, "Remaining");
        if (remaining > 0) {
            // The run stopped within Dataverse's 2-minute limit; matched users are skipped next time.
            text += "\n\n" + remaining + " users remain: press Update Enreach User Ids again to continue.";
        }
        var lines = messageLines(result);
        if (lines.length > 0) {
            text += "\n\nUsers not matched:";
            for (var i = 0; i < lines.length && i < maxMessageLines; i++) {
                text += "\n" + shorten(lines[i]);
            }
            if (lines.length > maxMessageLines) {
                text += "\n\u2026 and " + (lines.length - maxMessageLines) + " more.";
            }
        }
        return text;
    };

    function refresh(primaryControl) {
        if (primaryControl && typeof primaryControl.refresh === "function") {
            primaryControl.refresh();
        }
    }

    function errorMessage(error) {
        if (error && error.message) {
            return error.message;
        }
        return error ? String(error) : "Enreach user ids were not updated: unknown error.";
    }

    /** Command of the button (CrmParameter PrimaryControl: the user grid). Returns a promise, for tests. */
    ns.updateEnreachUserIds = function (primaryControl) {
        var progressShown = false;
        function closeProgress() {
            if (progressShown) {
                progressShown = false;
                Xrm.Utility.closeProgressIndicator();
            }
        }
        var confirmation = {
            title: title,
            text: "Match every Voice user to the Enreach users list by email and update their Enreach User Id? " +
                "Users without a matching Enreach user get their Enreach User Id cleared.",
            confirmButtonLabel: "Update",
            cancelButtonLabel: "Cancel"
        };
        return Xrm.Navigation.openConfirmDialog(confirmation).then(function (answer) {
            if (!answer || !answer.confirmed) {
                return null;
            }
            Xrm.Utility.showProgressIndicator("Updating Enreach user ids\u2026");
            progressShown = true;
            return Xrm.WebApi.online.execute(request()).then(function (response) {
                return response.json();
            }).then(function (result) {
                closeProgress();
                refresh(primaryControl);
                return Xrm.Navigation.openAlertDialog(
                    { title: title, text: ns.formatOutcome(result), confirmButtonLabel: "OK" },
                    { height: 360, width: 520 });
            });
        }).then(null, function (error) {
            closeProgress();
            return Xrm.Navigation.openErrorDialog({ message: errorMessage(error) });
        });
    };
}(VoiceForD365.UserList));
