export { decodeQr } from "../../src/sandbox/qr-scan.js";
