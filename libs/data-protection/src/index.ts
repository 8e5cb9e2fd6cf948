export * from './aes-gcm-keyring';
export * from './sealed-contact';
