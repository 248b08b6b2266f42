#pragma once
// Masks personal payment data before any text is stored, logged or sent to a provider.
//
//  - Card numbers: 13–19 digits, Luhn-valid, written compact ("4111111111111111"), in groups of
//    four ("4111 1111 1111 1111", "4111-1111-1111-1111", the last group 1–4 digits) or the
//    American Express / Diners 4-6-5 and 4-6-4 grouping. Masked as "•••• 1111" (U+2022 bullets,
//    then the last four digits). Not after '+' (international phone numbers), not glued to letters.
//  - IBANs: country code, two check digits and the BBAN, compact or spaced, the length of the
//    country's IBAN where known (15–34 otherwise), ISO 7064 mod-97 valid. Masked as the country
//    code, bullets and the last four characters: "FR•• •••• 2606".
//  - Codes given in context (English and French, case and accents optional): CVV/CVC/security
//    code/cryptogramme (3–4 digits), PIN/code confidentiel (4–6), one-time codes — OTP, SMS code,
//    verification code, code à usage unique, code de vérification… (4–8, "123 456" too), and a
//    plain "code" followed by "is"/"est"/":" (not "error code", "zip code", "code postal"…). Each
//    digit becomes "•": "cvv •••".
//
// Everything else stays as written: phone numbers, amounts, dates, references that fail Luhn or
// mod-97, short numbers. mask() is idempotent and runs in time linear in the text's length.

#include <QString>

namespace joxai {

class Redactor
{
public:
    static QString mask(const QString &text);

    // The masks, for callers that want to recognise them (tests, UI).
    static QChar bullet() { return QChar(0x2022); }
};

} // namespace joxai
