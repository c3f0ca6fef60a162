package org.grace.model.data.synth;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of float arrays (big-endian IEEE bits), for golden tests. */
final class Hashes {

    private Hashes() {
    }

    static String sha256(float[]... arrays) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (float[] array : arrays) {
                ByteBuffer buffer = ByteBuffer.allocate(array.length * 4);
                for (float v : array) {
                    buffer.putInt(Float.floatToIntBits(v));
                }
                digest.update(buffer.array());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
