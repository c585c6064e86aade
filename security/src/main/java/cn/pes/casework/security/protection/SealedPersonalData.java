package cn.pes.casework.security.protection;

/**
 * The stored form of personal data: encrypted with the data subject's key.
 *
 * @param subject   whose key (the case ID); also the associated data of the encryption, so a
 *                  ciphertext moved to another subject fails to open
 * @param algorithm {@value PersonalDataProtector#ALGORITHM}: AES-256-GCM, 96-bit random IV, 128-bit tag
 * @param data      base64 of IV followed by ciphertext and tag; the plaintext is the JSON object
 *                  {@code {"idNumber", "name", "phone"}}
 */
public record SealedPersonalData(String subject, String algorithm, String data) {
}
